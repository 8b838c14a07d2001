package org.opencrm.module.repair.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * The quantity of one part in one warehouse: the sum of its ledger rows, kept on this row so that a change locks it
 * ({@code SELECT ... FOR UPDATE}), checks it and writes it with the ledger row in one transaction. The database refuses a
 * negative quantity as well (CHECK constraint), a second line of defence.
 */
@Entity
@Table(name = "RP_STOCK", indexes = { @Index(name = "RP_STOCK_KEY", columnList = "WAREHOUSEID,PARTID", unique = true),
        @Index(name = "RP_STOCK_PART", columnList = "PARTID") })
public class StockBalance {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairStockIds")
    @TableGenerator(name = "repairStockIds", table = "RP_SEQUENCE", pkColumnValue = "STOCK", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long warehouseId;
    @Column(nullable = false)
    public Long partId;
    @Column(nullable = false, columnDefinition = "BIGINT DEFAULT 0 NOT NULL CHECK (QUANTITY >= 0)")
    public long quantity;
    public Instant updatedAt;
}
