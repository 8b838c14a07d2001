package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A credit note (return, rebate, adjustment): reduces the partner's balance. */
@Entity
@Table(name = "CF_CREDIT_NOTE", indexes = { @Index(name = "CF_CREDIT_NOTE_ACCOUNT", columnList = "ACCOUNTID,ISSUEDON") })
public class CreditNote {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CREDIT_NOTE")
    @TableGenerator(name = "CREDIT_NOTE", table = "CF_SEQUENCE", pkColumnValue = "CREDIT_NOTE", allocationSize = 50)
    public Long id;
    @Column(length = 30)
    public String number;
    public long accountId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public CreditNoteReason reason;
    public long amountFen;
    public long unallocatedFen;
    public LocalDate issuedOn;
    public Long rebateResultId;
    @Column(length = 500)
    public String note;
    @Column(length = 64)
    public String createdBy;
    public Instant createdAt;
}
