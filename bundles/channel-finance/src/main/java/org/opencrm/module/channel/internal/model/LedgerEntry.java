package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** An entry of a partner's ledger: inserted, never changed or deleted. Invoices are positive, payments, credit notes and write-offs negative; the partner's balance is their sum. */
@Entity
@Table(name = "CF_LEDGER", indexes = { @Index(name = "CF_LEDGER_ACCOUNT", columnList = "ACCOUNTID,ONDATE,ID") })
public class LedgerEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "LEDGER")
    @TableGenerator(name = "LEDGER", table = "CF_SEQUENCE", pkColumnValue = "LEDGER", allocationSize = 50)
    public Long id;
    public long accountId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public LedgerKind kind;
    public long documentId;
    @Column(length = 30)
    public String documentNumber;
    /** Signed: + invoice, - payment, credit note, write-off. */
    public long amountFen;
    public LocalDate onDate;
    public Instant createdAt;
    @Column(length = 64)
    public String actor;
}
