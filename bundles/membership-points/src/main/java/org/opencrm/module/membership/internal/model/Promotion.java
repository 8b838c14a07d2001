package org.opencrm.module.membership.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** An earning multiplier for purchases in a date range (inclusive), optionally only at one store and for some tiers. */
@Entity
@Table(name = "MP_PROMOTION")
public class Promotion {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "promotionIds")
    @TableGenerator(name = "promotionIds", table = Member.ID_TABLE, pkColumnValue = "PROMOTION", allocationSize = 10)
    public Long id;
    @Column(length = 100, nullable = false)
    public String name;
    /** e.g. "2.00" */
    @Column(length = 16, nullable = false)
    public String multiplier;
    @Column(nullable = false)
    public LocalDate startDate;
    @Column(nullable = false)
    public LocalDate endDate;
    /** null = every store. */
    public Long storeAccountId;
    /** Comma-separated tier names; null = every tier. */
    @Column(length = 200)
    public String tiers;
    public boolean active;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    @javax.persistence.Version
    public long version;
}
