package org.opencrm.module.audit.internal.model;

import java.time.LocalDate;

import javax.persistence.*;

/** A store in a plan: its supervisor (who sees it), the next due date and the last audit done for it. */
@Entity
@Table(name = "FA_PLAN_STORE", indexes = { @Index(name = "FA_PLAN_STORE_SUP", columnList = "SUPERVISOR,STOREACCOUNTID"),
        @Index(name = "FA_PLAN_STORE_STORE", columnList = "STOREACCOUNTID"), @Index(name = "FA_PLAN_STORE_DUE", columnList = "DUEDATE") })
public class PlanStore {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faPlanStoreIds")
    @TableGenerator(name = "faPlanStoreIds", table = "FA_SEQUENCE", pkColumnValue = "PLAN_STORE", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long planId;
    @Column(nullable = false)
    public Long storeAccountId;
    @Column(length = 200)
    public String storeName;
    @Column(length = 64, nullable = false)
    public String supervisor;
    @Column(nullable = false)
    public LocalDate dueDate;
    public Long lastAuditId;
    public boolean active;
    @Version
    public long lockVersion;
}
