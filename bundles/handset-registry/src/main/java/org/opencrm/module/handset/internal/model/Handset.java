package org.opencrm.module.handset.internal.model;

import java.time.Instant;
import java.time.LocalDate;

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

import org.opencrm.module.handset.api.HandsetStatus;

/**
 * One physical unit. Owner, store and warranty dates are copied from the current warranty card (HS_SALE) so that
 * lists, scope filters and the IMEI lookup read one row.
 *
 * <p>IMEI and serial number have unique indexes. IMEI2 has a plain one: it is NULL on single-SIM units, and Derby
 * treats NULLs in a unique index as equal (a unique constraint would do, but EclipseLink re-issues its ALTER TABLE on
 * every start and logs the failure). Its uniqueness, across both IMEI columns, is HS_IMEI's primary key.
 */
@Entity
@Table(name = "HS_HANDSET", indexes = {
        @Index(name = "HS_HANDSET_IMEI", columnList = "IMEI", unique = true),
        @Index(name = "HS_HANDSET_IMEI2", columnList = "IMEI2"),
        @Index(name = "HS_HANDSET_SERIAL", columnList = "SERIALNUMBER", unique = true),
        // filter column, then newest first: a filtered page walks the index in order instead of sorting every match
        @Index(name = "HS_HANDSET_OWNER", columnList = "OWNERCONTACTID,ID DESC"),
        @Index(name = "HS_HANDSET_STORE", columnList = "STOREACCOUNTID,ID DESC"),
        @Index(name = "HS_HANDSET_MODEL", columnList = "MODELID,ID DESC"),
        @Index(name = "HS_HANDSET_STATUS", columnList = "STATUS,ID DESC"),
        // newest-first pages walk this index; Derby cannot scan the primary key backwards and would sort the table
        @Index(name = "HS_HANDSET_NEWEST", columnList = "ID DESC") })
public class Handset {
    /** The id generator's table and row; the bulk loader reserves id blocks from it (IdBlocks). */
    public static final String ID_TABLE = "HS_SEQUENCE";
    public static final String ID_SEQUENCE = "HANDSET";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "handsetIds")
    @TableGenerator(name = "handsetIds", table = ID_TABLE, pkColumnValue = ID_SEQUENCE, allocationSize = 1000)
    public Long id;
    @Column(length = 15, nullable = false)
    public String imei;
    /** The second IMEI of a dual-SIM unit. */
    @Column(length = 15)
    public String imei2;
    /** Factory serial number, upper case. */
    @Column(length = 32, nullable = false)
    public String serialNumber;
    @Column(nullable = false)
    public Long modelId;
    @Column(length = 32)
    public String scrambleCode;
    @Column(length = 32)
    public String batch;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public HandsetStatus status;
    /** The current warranty card (HS_SALE.ID), and the facts copied from it. */
    public Long saleId;
    public Long ownerContactId;
    public Long storeAccountId;
    public LocalDate saleDate;
    public LocalDate warrantyStart;
    public LocalDate warrantyUntil;
    /** The channel partner's account the unit was shipped to (sell-in), when it was and the shipping document. */
    public Long channelAccountId;
    public Instant channelShippedAt;
    @Column(length = 40)
    public String channelReference;
    public Instant registeredAt;
    @Column(length = 64)
    public String registeredBy;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
