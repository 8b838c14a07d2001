package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** Money received from a partner; what is not allocated to invoices yet stays as its credit. */
@Entity
@Table(name = "CF_PAYMENT", indexes = { @Index(name = "CF_PAYMENT_ACCOUNT", columnList = "ACCOUNTID,RECEIVEDON") })
public class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PAYMENT")
    @TableGenerator(name = "PAYMENT", table = "CF_SEQUENCE", pkColumnValue = "PAYMENT", allocationSize = 50)
    public Long id;
    @Column(length = 30)
    public String number;
    public long accountId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public PaymentMethod method;
    public long amountFen;
    public long unallocatedFen;
    public LocalDate receivedOn;
    @Column(length = 100)
    public String reference;
    @Column(length = 64)
    public String createdBy;
    public Instant createdAt;
}
