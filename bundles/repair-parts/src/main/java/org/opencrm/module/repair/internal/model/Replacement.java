package org.opencrm.module.repair.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A request to fit a part in a repair; approval issues it from the centre's stock and records the removed part's serial. */
@Entity
@Table(name = "RP_REPLACEMENT", indexes = { @Index(name = "RP_REPL_ORDER", columnList = "REPAIRORDERID,ID"),
        @Index(name = "RP_REPL_STATUS", columnList = "STATUS,ID") })
public class Replacement {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairReplacementIds")
    @TableGenerator(name = "repairReplacementIds", table = "RP_SEQUENCE", pkColumnValue = "REPLACEMENT", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long repairOrderId;
    @Column(nullable = false)
    public Long centreAccountId;
    @Column(nullable = false)
    public Long warehouseId;
    @Column(nullable = false)
    public Long partId;
    public int quantity;
    /** Copied from the order: in-warranty requests need HQ approval (repair.approve). */
    public boolean inWarranty;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public ReplacementStatus status;
    @Column(length = 500)
    public String note;
    @Column(length = 64)
    public String removedSerial;
    @Column(length = 64)
    public String fittedSerial;
    @Column(length = 500)
    public String rejectionReason;
    public Long movementId;
    public Instant requestedAt;
    @Column(length = 64)
    public String requestedBy;
    public Instant decidedAt;
    @Column(length = 64)
    public String decidedBy;
    @Version
    public long version;
}
