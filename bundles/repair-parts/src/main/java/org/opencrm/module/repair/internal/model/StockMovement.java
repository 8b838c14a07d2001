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

/** One row of the append-only stock ledger: a signed quantity and the balance after it. */
@Entity
@Table(name = "RP_MOVEMENT", indexes = { @Index(name = "RP_MOVEMENT_STOCK", columnList = "WAREHOUSEID,PARTID,ID DESC"),
        @Index(name = "RP_MOVEMENT_REF", columnList = "REFTYPE,REFID") })
public class StockMovement {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairMovementIds")
    @TableGenerator(name = "repairMovementIds", table = "RP_SEQUENCE", pkColumnValue = "MOVEMENT", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long warehouseId;
    @Column(nullable = false)
    public Long partId;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public MovementKind kind;
    /** Positive in, negative out. */
    public long quantity;
    public long balanceAfter;
    /** The other warehouse of a transfer. */
    public Long counterWarehouseId;
    /** Both legs of one transfer share it. */
    @Column(length = 40)
    public String transferId;
    /** What caused it: "replacement", "parts-order", "transfer", "manual". */
    @Column(length = 20)
    public String refType;
    @Column(length = 40)
    public String refId;
    @Column(length = 500)
    public String note;
    @Column(nullable = false)
    public Instant occurredAt;
    @Column(length = 64, nullable = false)
    public String actor;
}
