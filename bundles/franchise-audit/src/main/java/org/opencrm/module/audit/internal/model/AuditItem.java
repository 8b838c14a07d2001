package org.opencrm.module.audit.internal.model;

import java.time.LocalDate;

import javax.persistence.*;

/** A question of an audit: a copy of the template version's item, and the auditor's answer. */
@Entity
@Table(name = "FA_AUDIT_ITEM", indexes = { @Index(name = "FA_AUDIT_ITEM_AUDIT", columnList = "AUDITID,POSITION"),
        @Index(name = AuditItem.FAILED_INDEX, columnList = AuditItem.FAILED_COLUMNS) })
public class AuditItem {
    public static final String TABLE = "FA_AUDIT_ITEM";
    /** The failed items by day and code: "most failed items" counts on it alone. */
    public static final String FAILED_INDEX = "FA_AUDIT_ITEM_FAILED";
    public static final String FAILED_COLUMNS = "FAILED,AUDITDATE,CODE";
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faAuditItemIds")
    @TableGenerator(name = "faAuditItemIds", table = "FA_SEQUENCE", pkColumnValue = "AUDIT_ITEM", allocationSize = 500)
    public Long id;
    @Column(nullable = false)
    public Long auditId;
    /** The audit's store and day, repeated here so that "most failed items" reads this table only. */
    @Column(nullable = false)
    public Long storeAccountId;
    public LocalDate auditDate;
    public Long templateItemId;
    public int position;
    @Column(length = 40, nullable = false)
    public String sectionCode;
    @Column(length = 200, nullable = false)
    public String sectionTitle;
    @Column(length = 40, nullable = false)
    public String code;
    @Column(length = 500, nullable = false)
    public String question;
    public int weight;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public Enums.AnswerType answerType;
    public int maxScore;
    public boolean naAllowed;
    public boolean critical;
    public boolean photoRequiredOnFail;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public Enums.Severity severity;
    /** PASS, FAIL or NA for PASS_FAIL items; for SCORE items NA or null with {@link #scoreGiven}. */
    @Enumerated(EnumType.STRING)
    @Column(length = 4)
    public Enums.Answer answer;
    public Integer scoreGiven;
    /** Set on submit: the item failed (a FAIL, or a SCORE below half its points). */
    public boolean failed;
    @Column(length = 1000)
    public String comment;
}
