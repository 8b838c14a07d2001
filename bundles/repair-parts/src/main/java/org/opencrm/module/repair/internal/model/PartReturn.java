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

/** Defective parts a centre sends back to HQ (or another warehouse) for analysis; not stock, so no ledger rows. */
@Entity
@Table(name = "RP_PART_RETURN", indexes = { @Index(name = "RP_PR_CENTRE", columnList = "CENTREACCOUNTID,ID DESC") })
public class PartReturn {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairReturnIds")
    @TableGenerator(name = "repairReturnIds", table = "RP_SEQUENCE", pkColumnValue = "RETURN", allocationSize = 20)
    public Long id;
    @Column(nullable = false)
    public Long warehouseId;
    @Column(nullable = false)
    public Long centreAccountId;
    @Column(nullable = false)
    public Long toWarehouseId;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public ReturnStatus status;
    @Column(length = 64)
    public String trackingNumber;
    @Column(length = 500)
    public String note;
    @Column(length = 1000)
    public String inspection;
    public Instant shippedAt;
    @Column(length = 64)
    public String shippedBy;
    public Instant receivedAt;
    @Column(length = 64)
    public String receivedBy;
    @Version
    public long version;
}
