package org.opencrm.module.repair.internal.model;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One defective part of a return, with the repair order it came out of and its serial. */
@Entity
@Table(name = "RP_PART_RETURN_LINE", indexes = { @Index(name = "RP_PRL_RETURN", columnList = "RETURNID,ID"),
        @Index(name = "RP_PRL_ORDER", columnList = "REPAIRORDERID") })
public class PartReturnLine {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairReturnLineIds")
    @TableGenerator(name = "repairReturnLineIds", table = "RP_SEQUENCE", pkColumnValue = "RETURNLINE", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long returnId;
    @Column(nullable = false)
    public Long repairOrderId;
    @Column(nullable = false)
    public Long partId;
    @Column(length = 64)
    public String serial;
    public Long replacementId;
}
