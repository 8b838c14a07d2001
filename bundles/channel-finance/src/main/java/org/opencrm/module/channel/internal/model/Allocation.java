package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** Part of a payment, credit note or write-off applied to an invoice, as of a date. */
@Entity
@Table(name = "CF_ALLOCATION", indexes = { @Index(name = "CF_ALLOCATION_INVOICE", columnList = "INVOICEID"), @Index(name = "CF_ALLOCATION_ACCOUNT", columnList = "ACCOUNTID,ONDATE") })
public class Allocation {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ALLOCATION")
    @TableGenerator(name = "ALLOCATION", table = "CF_SEQUENCE", pkColumnValue = "ALLOCATION", allocationSize = 50)
    public Long id;
    public long accountId;
    public long invoiceId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public LedgerKind sourceKind;
    public long sourceId;
    public long amountFen;
    public LocalDate onDate;
    public Instant createdAt;
}
