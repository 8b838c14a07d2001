package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/**
 * A channel partner: the channel terms of one core account. Every change to a partner's credit, orders, shipments
 * and receivables locks this row first ({@code SELECT ... FOR UPDATE}, {@link #LOCK}), so the changes of one partner
 * are serialised (two orders racing for the last credit: one waits for the other and sees its exposure), on Derby
 * and PostgreSQL alike.
 */
@Entity
@NamedQuery(name = PartnerProfile.LOCK, query = "SELECT p FROM PartnerProfile p WHERE p.accountId = :id", lockMode = LockModeType.PESSIMISTIC_WRITE)
@Table(name = "CF_PARTNER", indexes = { @Index(name = "CF_PARTNER_GRADE", columnList = "GRADE") })
public class PartnerProfile {
    public static final String LOCK = "PartnerProfile.lock";
    /** The core account's id. */
    @Id
    public Long accountId;
    @Column(length = 200)
    public String accountName;
    @Enumerated(EnumType.STRING)
    @Column(length = 30, nullable = false)
    public ChannelType channelType;
    @Column(length = 20, nullable = false)
    public String grade;
    /** Fixed by HQ with a reason: the evaluation leaves it alone until released. */
    public boolean gradeFixed;
    public long creditLimitFen;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public SettlementTerm term;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public CreditStatus creditStatus;
    @Column(length = 500)
    public String creditStatusReason;
    /** An automatic status's reason as the module's text (null: {@code creditStatusReason} as typed). */
    @Column(length = 64)
    public String creditStatusReasonKey;
    @Column(length = 500)
    public String creditStatusReasonArgs;
    @Column(length = 64)
    public String creditStatusBy;
    public Instant creditStatusAt;
    /** The user name of the account manager who gets the collection reminders. */
    @Column(length = 64)
    public String accountManager;
    /** Net sell-in of the last 12 months at the last evaluation (fen). */
    public long trailingSellInFen;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public long version;
}
