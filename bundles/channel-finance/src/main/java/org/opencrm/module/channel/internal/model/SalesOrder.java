package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A sell-in order of a partner. */
@Entity
@Table(name = "CF_ORDER", indexes = { @Index(name = "CF_ORDER_ACCOUNT", columnList = "ACCOUNTID,ID"), @Index(name = "CF_ORDER_STATUS", columnList = "STATUS,ID") })
public class SalesOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SALES_ORDER")
    @TableGenerator(name = "SALES_ORDER", table = "CF_SEQUENCE", pkColumnValue = "SALES_ORDER", allocationSize = 50)
    public Long id;
    @Column(length = 30)
    public String number;
    public long accountId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public OrderStatus status;
    public long totalFen;
    /** The value shipped (and so invoiced) so far. */
    public long shippedFen;
    @Column(length = 500)
    public String note;
    public Instant submittedAt;
    @Column(length = 64)
    public String submittedBy;
    public Instant approvedAt;
    @Column(length = 64)
    public String approvedBy;
    /** Let through the credit check by a user with channel.credit.override, and why. */
    @Column(length = 500)
    public String overrideReason;
    @Column(length = 64)
    public String overrideBy;
    @Column(length = 500)
    public String cancelReason;
    public Instant changedAt;
}
