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

/** A service centre's order of parts from a warehouse; its lines say what was ordered, shipped and received. */
@Entity
@Table(name = "RP_PARTS_ORDER", indexes = { @Index(name = "RP_PO_CENTRE", columnList = "WAREHOUSEID,ID DESC"),
        @Index(name = "RP_PO_SUPPLIER", columnList = "SUPPLIERID,ID DESC"), @Index(name = "RP_PO_STATUS", columnList = "STATUS,ID DESC") })
public class PartsOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairPartsOrderIds")
    @TableGenerator(name = "repairPartsOrderIds", table = "RP_SEQUENCE", pkColumnValue = "PARTSORDER", allocationSize = 20)
    public Long id;
    /** The ordering centre's warehouse. */
    @Column(nullable = false)
    public Long warehouseId;
    @Column(nullable = false)
    public Long centreAccountId;
    /** The warehouse that ships. */
    @Column(nullable = false)
    public Long supplierId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public PartsOrderStatus status;
    @Column(length = 500)
    public String note;
    @Column(length = 500)
    public String rejectionReason;
    public Instant submittedAt;
    @Column(length = 64)
    public String submittedBy;
    public Instant approvedAt;
    @Column(length = 64)
    public String approvedBy;
    public Instant shippedAt;
    @Column(length = 64)
    public String shippedBy;
    public Instant receivedAt;
    @Column(length = 64)
    public String receivedBy;
    @Version
    public long version;
}
