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

/**
 * A device in a service centre's workshop. Every move is a row of {@link OrderStep} (when, who, note); the order keeps
 * its current status. Money is long fen.
 */
@Entity
@Table(name = "RP_REPAIR_ORDER", indexes = {
        @Index(name = "RP_RO_CENTRE", columnList = "CENTREACCOUNTID,ID DESC"),
        @Index(name = "RP_RO_STATUS", columnList = "STATUS,ID DESC"),
        @Index(name = "RP_RO_CONTACT", columnList = "CONTACTID,ID DESC"),
        @Index(name = "RP_RO_IMEI", columnList = "IMEI"),
        @Index(name = "RP_RO_RECEIVED", columnList = "RECEIVEDAT") })
public class RepairOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairOrderIds")
    @TableGenerator(name = "repairOrderIds", table = "RP_SEQUENCE", pkColumnValue = "ORDER", allocationSize = 50)
    public Long id;
    public Long serviceRequestId;
    @Column(nullable = false)
    public Long contactId;
    @Column(nullable = false)
    public Long centreAccountId;
    @Column(length = 15)
    public String imei;
    @Column(length = 32)
    public String serialNumber;
    @Column(length = 32)
    public String modelCode;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public RepairStatus status;
    @Column(length = 64)
    public String technician;
    @Column(length = 1000, nullable = false)
    public String symptom;
    @Column(length = 16)
    public String faultCode;
    @Column(length = 1000)
    public String cause;
    @Column(length = 32)
    public String faultyPartNumber;
    public boolean inWarranty;
    /** The device's condition at the counter (null on orders received before it was recorded). */
    public Boolean physicalDamage;
    public Boolean liquidDamage;
    @Column(length = 200)
    public String accessories;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public WarrantySource warrantySource;
    /** Why the registry says there is no warranty (e.g. EXPIRED), or the clerk's note. */
    @Column(length = 200)
    public String warrantyNote;
    /** Whether the handset registry moved the unit IN_REPAIR on receipt (so it is moved back on return). */
    public boolean registryInRepair;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public QuoteStatus quoteStatus;
    public long quotePartsFen;
    public long quoteLabourFen;
    public Instant quotedAt;
    @Column(length = 64)
    public String quotedBy;
    public Instant quoteDecidedAt;
    @Column(length = 64)
    public String quoteDecidedBy;
    public Instant receivedAt;
    @Column(length = 64)
    public String receivedBy;
    public Instant statusAt;
    @Column(length = 64)
    public String statusBy;
    @Version
    public long version;
}
