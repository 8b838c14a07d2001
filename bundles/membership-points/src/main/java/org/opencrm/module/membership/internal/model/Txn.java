package org.opencrm.module.membership.internal.model;

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

/**
 * One applied request and its result, keyed by the client's reference (unique index: the database, not a check in
 * Java, makes a reference apply once). A repeated reference answers this row. Never updated except
 * {@code refundedFen} of a SPEND, which its refunds raise.
 */
@Entity
@Table(name = "MP_TXN", indexes = { @Index(name = "MP_TXN_REFERENCE", columnList = "REFERENCE", unique = true),
        // covering index of the rolling 12-month spend: SUM(AMOUNTFEN) of a member's purchases since a date
        @Index(name = "MP_TXN_SPEND", columnList = "MEMBERID,KIND,CREATEDAT,AMOUNTFEN"),
        @Index(name = "MP_TXN_STORE", columnList = "STOREACCOUNTID,CREATEDAT") })
public class Txn {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "txnIds")
    @TableGenerator(name = "txnIds", table = Member.ID_TABLE, pkColumnValue = "TXN", allocationSize = 1000)
    public Long id;
    @Column(length = 64, nullable = false)
    public String reference;
    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    public TxnKind kind;
    @Column(nullable = false)
    public Long memberId;
    public Long cardId;
    public Long storeAccountId;
    /** EARN: the amount paid (fen); TOP_UP / SPEND / REFUND: the amount (fen); REDEEM: the cash value of the points. */
    public long amountFen;
    /** TOP_UP: the bonus credited on top (fen). */
    public long bonusFen;
    /** Points added (positive) or taken (negative). */
    public long points;
    public long pointsBalanceAfter;
    public long valueBalanceAfter;
    /** SPEND: what refunds have given back so far. */
    public long refundedFen;
    /** REFUND: the reference of the spend it refunds. */
    @Column(length = 64)
    public String originalReference;
    /** EARN: the multiplier applied (tier x promotion), e.g. "1.5". */
    @Column(length = 16)
    public String multiplier;
    @Column(length = 40)
    public String couponCode;
    @Column(length = 20)
    public String tierAfter;
    @Column(length = 500)
    public String reason;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(length = 64)
    public String actor;
}
