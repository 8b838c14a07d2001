package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** The price of a product for the partners of one grade (fen). */
@Entity
@Table(name = "CF_PRICE", uniqueConstraints = @UniqueConstraint(name = "CF_PRICE_GRADE_CODE", columnNames = { "GRADE", "PRODUCTCODE" }))
public class Price {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PRICE")
    @TableGenerator(name = "PRICE", table = "CF_SEQUENCE", pkColumnValue = "PRICE", allocationSize = 50)
    public Long id;
    @Column(length = 20, nullable = false)
    public String grade;
    @Column(length = 40, nullable = false)
    public String productCode;
    @Column(length = 200)
    public String productName;
    public long priceFen;
    public Instant changedAt;
    @Column(length = 64)
    public String changedBy;
}
