package org.opencrm.module.audit.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/**
 * What the store must fix after a failed item: OPEN until the franchisee responds (RESPONDED), then the supervisor
 * accepts it (CLOSED) or reopens it (OPEN again). Past its due date and not closed, it is overdue and escalates once
 * to the supervisor's manager.
 */
@Entity
@Table(name = "FA_ACTION", indexes = { @Index(name = "FA_ACTION_STORE", columnList = "STOREACCOUNTID,STATUS"),
        @Index(name = CorrectiveAction.DUE_INDEX, columnList = CorrectiveAction.DUE_COLUMNS), @Index(name = "FA_ACTION_AUDIT", columnList = "AUDITID") })
public class CorrectiveAction {
    public static final String TABLE = "FA_ACTION";
    public static final String DUE_INDEX = "FA_ACTION_DUE";
    public static final String DUE_COLUMNS = "STATUS,DUEDATE";
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faActionIds")
    @TableGenerator(name = "faActionIds", table = "FA_SEQUENCE", pkColumnValue = "ACTION", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long auditId;
    @Column(nullable = false)
    public Long auditItemId;
    @Column(nullable = false)
    public Long storeAccountId;
    @Column(length = 200)
    public String storeName;
    @Column(length = 40, nullable = false)
    public String itemCode;
    @Column(length = 500, nullable = false)
    public String question;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public Enums.Severity severity;
    @Column(length = 64, nullable = false)
    public String supervisor;
    @Column(nullable = false)
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public Enums.ActionStatus status;
    @Column(length = 2000)
    public String response;
    @Column(length = 64)
    public String respondedBy;
    public Instant respondedAt;
    @Column(length = 1000)
    public String verifyNote;
    @Column(length = 64)
    public String verifiedBy;
    public Instant verifiedAt;
    public int reopenCount;
    public Instant escalatedAt;
    @Column(length = 64)
    public String escalatedTo;
    public Instant createdAt;
    @Version
    public long lockVersion;
}
