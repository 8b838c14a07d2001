package org.opencrm.module.samplenotes.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One record of the module, on a contact. It keeps the id of the account it belongs to (the contact's), by which
 * the data scope of every reader is applied; never a copy of the account tree. Amounts are fen (exact).
 */
@Entity
@Table(name = "SN_RECORD", indexes = { @Index(name = "SN_RECORD_CONTACT", columnList = "CONTACTID"),
        @Index(name = "SN_RECORD_ACCOUNT", columnList = "ACCOUNTID,ID") })
public class SampleNotesRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SampleNotesIds")
    @TableGenerator(name = "SampleNotesIds", table = "SN_SEQUENCE", pkColumnValue = "RECORD", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long contactId;
    /** The contact's account when the record was made: what the data scope is checked against. */
    public Long accountId;
    @Column(length = 1000, nullable = false)
    public String title;
    @Column(nullable = false)
    public long amountFen;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
}
