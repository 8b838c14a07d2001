package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A line of an order, priced from the partner's price list when it was submitted. */
@Entity
@Table(name = "CF_ORDER_LINE", indexes = { @Index(name = "CF_ORDER_LINE_ORDER", columnList = "ORDERID,LINENO") })
public class OrderLine {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORDER_LINE")
    @TableGenerator(name = "ORDER_LINE", table = "CF_SEQUENCE", pkColumnValue = "ORDER_LINE", allocationSize = 50)
    public Long id;
    public long orderId;
    public int lineNo;
    @Column(length = 40, nullable = false)
    public String productCode;
    @Column(length = 200)
    public String productName;
    public boolean serialised;
    public int quantity;
    public int shippedQuantity;
    public long unitPriceFen;
}
