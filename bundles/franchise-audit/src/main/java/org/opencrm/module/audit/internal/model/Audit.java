package org.opencrm.module.audit.internal.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/**
 * One audit of one store on one template version. Its items are copies of the version's items with the answers; the
 * score and grade are set on submit, after which nothing of it changes (a correction is a new audit).
 */
@Entity
@Table(name = "FA_AUDIT", indexes = { @Index(name = "FA_AUDIT_STORE", columnList = "STOREACCOUNTID,AUDITDATE"),
        @Index(name = "FA_AUDIT_STATUS", columnList = "STATUS,AUDITDATE"), @Index(name = "FA_AUDIT_MONTH", columnList = "AUDITMONTH") })
public class Audit {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faAuditIds")
    @TableGenerator(name = "faAuditIds", table = "FA_SEQUENCE", pkColumnValue = "AUDIT", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long templateId;
    @Column(nullable = false)
    public Long storeAccountId;
    @Column(length = 200)
    public String storeName;
    @Column(length = 40)
    public String region;
    public Long planStoreId;
    @Column(length = 64, nullable = false)
    public String auditor;
    public boolean announced;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public Enums.AuditStatus status;
    public Instant startedAt;
    public Instant submittedAt;
    /** The business day of the audit (Beijing) and its month as yyyymm, for trends. */
    @Column(nullable = false)
    public LocalDate auditDate;
    public int auditMonth;
    @Column(precision = 5, scale = 2)
    public BigDecimal score;
    @Column(length = 4)
    public String grade;
    public boolean criticalFailed;
    @Column(length = 2000)
    public String comment;
    @Column(length = 100)
    public String acknowledgedBy;
    public Instant acknowledgedAt;
    @Version
    public long lockVersion;
}
