package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A product of the module's own catalogue (used when no other product source knows the code). */
@Entity
@Table(name = "CF_PRODUCT", uniqueConstraints = @UniqueConstraint(name = "CF_PRODUCT_CODE", columnNames = "CODE"))
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PRODUCT")
    @TableGenerator(name = "PRODUCT", table = "CF_SEQUENCE", pkColumnValue = "PRODUCT", allocationSize = 50)
    public Long id;
    @Column(length = 40, nullable = false)
    public String code;
    @Column(length = 200, nullable = false)
    public String name;
    public boolean serialised;
    public boolean active = true;
}
