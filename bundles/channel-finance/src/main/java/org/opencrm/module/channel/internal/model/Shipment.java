package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** Goods that left for a partner against an order; invoiced at once. */
@Entity
@Table(name = "CF_SHIPMENT", indexes = { @Index(name = "CF_SHIPMENT_ACCOUNT", columnList = "ACCOUNTID,SHIPPEDON"), @Index(name = "CF_SHIPMENT_ORDER", columnList = "ORDERID") })
public class Shipment {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SHIPMENT")
    @TableGenerator(name = "SHIPMENT", table = "CF_SEQUENCE", pkColumnValue = "SHIPMENT", allocationSize = 50)
    public Long id;
    @Column(length = 30)
    public String number;
    public long orderId;
    public long accountId;
    public LocalDate shippedOn;
    public long amountFen;
    public Long invoiceId;
    @Column(length = 64)
    public String createdBy;
    public Instant createdAt;
}
