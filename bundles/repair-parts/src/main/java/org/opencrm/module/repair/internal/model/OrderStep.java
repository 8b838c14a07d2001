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

/** One step of a repair order: the status it moved to, when, by whom, with a note. Append-only. */
@Entity
@Table(name = "RP_ORDER_STEP", indexes = { @Index(name = "RP_STEP_ORDER", columnList = "ORDERID,ID") })
public class OrderStep {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairStepIds")
    @TableGenerator(name = "repairStepIds", table = "RP_SEQUENCE", pkColumnValue = "STEP", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long orderId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public RepairStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public RepairStatus status;
    @Column(nullable = false)
    public Instant occurredAt;
    @Column(length = 64, nullable = false)
    public String actor;
    @Column(length = 1000)
    public String note;
}
