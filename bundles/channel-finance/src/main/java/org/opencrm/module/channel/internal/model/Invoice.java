package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** An invoice per shipment, due after the partner's settlement term. {@code openFen} is what allocations have not covered yet. */
@Entity
@Table(name = "CF_INVOICE", indexes = { @Index(name = "CF_INVOICE_ACCOUNT", columnList = "ACCOUNTID,ISSUEDON"), @Index(name = "CF_INVOICE_OPEN", columnList = "OPENFEN,DUEON"),
        @Index(name = Invoice.SETTLED_INDEX, columnList = Invoice.SETTLED_COLUMNS) })
public class Invoice {
    /** Declared here and ensured at start (ReceivablesService), so an upgraded database gets it too. */
    public static final String SETTLED_INDEX = "CF_INVOICE_SETTLED";
    public static final String SETTLED_COLUMNS = "SETTLEDON,ISSUEDON";
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "INVOICE")
    @TableGenerator(name = "INVOICE", table = "CF_SEQUENCE", pkColumnValue = "INVOICE", allocationSize = 50)
    public Long id;
    @Column(length = 30)
    public String number;
    public long accountId;
    public long orderId;
    public long shipmentId;
    public LocalDate issuedOn;
    public LocalDate dueOn;
    public long amountFen;
    public long openFen;
    /**
     * The day the invoice became fully settled: the latest date of its allocations, set by the allocation that closes
     * it (null while open). "Open as of D" is {@code issuedOn <= D AND (settledOn IS NULL OR settledOn > D)}, on an index,
     * instead of looking for allocations after D per invoice.
     */
    public LocalDate settledOn;
    public Instant createdAt;
}
