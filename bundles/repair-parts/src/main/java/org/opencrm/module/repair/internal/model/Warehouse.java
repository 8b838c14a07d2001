package org.opencrm.module.repair.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * Where parts are kept: HQ central, a regional warehouse, or a service centre. {@code accountId} links it to the core
 * account (HQ, the region's office, the centre) whose data scope decides who sees its stock; a centre has exactly one.
 */
@Entity
@Table(name = "RP_WAREHOUSE", indexes = { @Index(name = "RP_WAREHOUSE_CODE", columnList = "CODE", unique = true),
        @Index(name = "RP_WAREHOUSE_ACCOUNT", columnList = "ACCOUNTID") })
public class Warehouse {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairWarehouseIds")
    @TableGenerator(name = "repairWarehouseIds", table = "RP_SEQUENCE", pkColumnValue = "WAREHOUSE", allocationSize = 20)
    public Long id;
    @Column(length = 32, nullable = false)
    public String code;
    @Column(length = 100, nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public WarehouseKind kind;
    @Column(nullable = false)
    public Long accountId;
    /** The warehouse that supplies this one by default (a centre's regional warehouse or HQ). */
    public Long supplierId;
    public boolean active;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    @Version
    public long version;
}
