package org.opencrm.module.repair.internal.model;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One part of a parts order: ordered, shipped so far (backorder = ordered − shipped), received so far. */
@Entity
@Table(name = "RP_PARTS_ORDER_LINE", indexes = { @Index(name = "RP_POL_ORDER", columnList = "ORDERID,ID") })
public class PartsOrderLine {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairPartsOrderLineIds")
    @TableGenerator(name = "repairPartsOrderLineIds", table = "RP_SEQUENCE", pkColumnValue = "PARTSORDERLINE", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long orderId;
    @Column(nullable = false)
    public Long partId;
    public long ordered;
    public long shipped;
    public long received;
}
