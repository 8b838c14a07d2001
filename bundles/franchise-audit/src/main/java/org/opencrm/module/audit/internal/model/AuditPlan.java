package org.opencrm.module.audit.internal.model;

import java.time.Instant;

import javax.persistence.*;

/**
 * An audit plan: which stores are audited with which template how often, by which supervisor. The stores chosen (by
 * region, parent partner or list) are its {@link PlanStore} rows, each with its own due date.
 */
@Entity
@Table(name = "FA_PLAN")
public class AuditPlan {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faPlanIds")
    @TableGenerator(name = "faPlanIds", table = "FA_SEQUENCE", pkColumnValue = "PLAN", allocationSize = 10)
    public Long id;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 40, nullable = false)
    public String templateCode;
    /** Months between two audits of a store graded A or B (e.g. 3: quarterly). */
    public int everyMonths;
    /** Months between two audits of a store graded C, D or FAIL, or never audited (e.g. 1: monthly). */
    public int everyMonthsLowGrade;
    @Column(length = 64, nullable = false)
    public String supervisor;
    /** Who overdue corrective actions escalate to (the supervisor's manager). */
    @Column(length = 64)
    public String manager;
    public boolean active;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    @Version
    public long lockVersion;
}
