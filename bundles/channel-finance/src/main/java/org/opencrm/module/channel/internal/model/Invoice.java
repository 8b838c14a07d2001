package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** An invoice per shipment, due after the partner's settlement term. {@code openFen} is what allocations have not covered yet. */
@Entity
@Table(name = "CF_INVOICE", indexes = { @Index(name = "CF_INVOICE_ACCOUNT", columnList = "ACCOUNTID,ISSUEDON"), @Index(name = "CF_INVOICE_OPEN", columnList = "OPENFEN,DUEON") })
public class Invoice {
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
    public Instant createdAt;
}
