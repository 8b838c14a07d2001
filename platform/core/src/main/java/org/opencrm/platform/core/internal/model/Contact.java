package org.opencrm.platform.core.internal.model;

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
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/**
 * A person the company deals with. The mobile number is the usual key in China and is unique where there is one; many
 * contacts have none. Uniqueness is a UNIQUE constraint, not a unique index: Derby's CREATE UNIQUE INDEX treats NULLs
 * as equal (a second contact without a mobile failed), a UNIQUE constraint allows any number of NULLs there as on
 * PostgreSQL. Databases created with the old index are migrated at start (ContactService).
 */
@Entity
@Table(name = "CRM_CONTACT", uniqueConstraints = @UniqueConstraint(name = Contact.MOBILE_CONSTRAINT, columnNames = "MOBILE"), indexes = {
        @Index(name = "CRM_CONTACT_NAME", columnList = "NAMEKEY,ID"),
        @Index(name = "CRM_CONTACT_EMAIL", columnList = "EMAILKEY"),
        @Index(name = "CRM_CONTACT_ACCOUNT", columnList = "ACCOUNTID"),
        @Index(name = "CRM_CONTACT_HOUSEHOLD", columnList = "HOUSEHOLDID"),
        // the unfiltered list shows the newest first; Derby cannot scan the primary key backwards and sorted a
        // million rows for every first page (8 s) without this
        @Index(name = "CRM_CONTACT_NEWEST", columnList = "ID DESC"),
        @Index(name = "CRM_CONTACT_IMPORT", columnList = "IMPORTID") })
public class Contact {
    /**
     * The unique constraint on MOBILE (its backing index serves mobile lookups and prefix searches). At most 17
     * characters: EclipseLink cuts longer unique-key names on Derby (to CRM_CONTACT_MOBIL for CRM_CONTACT_MOBILE_UQ).
     */
    public static final String MOBILE_CONSTRAINT = "CRM_MOBILE_UNIQUE";
    /** The unique index of older databases, replaced by {@link #MOBILE_CONSTRAINT} at start. */
    public static final String OLD_MOBILE_INDEX = "CRM_CONTACT_MOBILE";
    /** The id generator's table and row; bulk imports reserve id blocks from it (IdBlocks). */
    public static final String ID_TABLE = "CRM_SEQUENCE";
    public static final String ID_SEQUENCE = "CONTACT";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contactIds")
    @TableGenerator(name = "contactIds", table = ID_TABLE, pkColumnValue = ID_SEQUENCE, allocationSize = 1000)
    public Long id;
    @Column(length = 100, nullable = false)
    public String name;
    /** Lower-cased name for index-backed prefix search; null once merged, so searches skip merged contacts. */
    @Column(length = 100)
    public String nameKey;
    @Column(length = 11)
    public String mobile;
    @Column(length = 200)
    public String otherPhones;
    @Column(length = 254)
    public String email;
    @Column(length = 254)
    public String emailKey;
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public Gender gender;
    public LocalDate birthday;
    @Column(length = 50)
    public String province;
    @Column(length = 50)
    public String city;
    @Column(length = 50)
    public String district;
    /** The GB/T 2260 code of the most specific of province, city and district when they are the divisions' own names. */
    @Column(length = 6)
    public String divisionCode;
    @Column(length = 200)
    public String street;
    /** ",VIP,老客户," so that one tag can be matched with LIKE '%,VIP,%'. */
    @Column(length = 700)
    public String tags;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public ContactStatus status;
    @Column(length = 64)
    public String owner;
    public Long accountId;
    public Long householdId;
    /** Set when this contact was merged into another. */
    public Long mergedIntoId;
    /** The CSV import (CRM_IMPORT) that created this contact, so that the import can be rolled back by its id. */
    public Long importId;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
