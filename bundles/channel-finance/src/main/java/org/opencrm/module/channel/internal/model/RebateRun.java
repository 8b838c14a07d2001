package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A programme computed for one period: can be run again until approved, then settled as credit notes. */
@Entity
@Table(name = "CF_REBATE_RUN", uniqueConstraints = @UniqueConstraint(name = "CF_REBATE_RUN_PERIOD", columnNames = { "PROGRAMMEID", "PERIODSTART" }))
public class RebateRun {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "REBATE_RUN")
    @TableGenerator(name = "REBATE_RUN", table = "CF_SEQUENCE", pkColumnValue = "REBATE_RUN", allocationSize = 50)
    public Long id;
    public long programmeId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public RebateRunStatus status;
    public long totalFen;
    public int partners;
    public Instant computedAt;
    @Column(length = 64)
    public String computedBy;
    @Column(length = 64)
    public String approvedBy;
    public Instant approvedAt;
    @Column(length = 64)
    public String settledBy;
    public Instant settledAt;
}
