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
 * The append-only points ledger: one row per change, never updated or deleted. A member's balance is the sum of its
 * rows. Credits (earnings, positive adjustments) expire {@code expiresAt}; debits consume the oldest credits first,
 * so what expires at a time is what the credits earned before it have left after all debits (no per-lot state).
 */
@Entity
@Table(name = "MP_POINTS", indexes = { @Index(name = "MP_POINTS_MEMBER", columnList = "MEMBERID,ID DESC"),
        @Index(name = "MP_POINTS_EXPIRY", columnList = "MEMBERID,EXPIRESAT,POINTS") })
public class PointsEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "pointsIds")
    @TableGenerator(name = "pointsIds", table = Member.ID_TABLE, pkColumnValue = "POINTS", allocationSize = 1000)
    public Long id;
    @Column(nullable = false)
    public Long memberId;
    @Column(nullable = false)
    public Long txnId;
    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    public TxnKind kind;
    /** Signed: credits positive, debits negative. */
    public long points;
    public long balanceAfter;
    /** Credits only: when they expire if not consumed. */
    public Instant expiresAt;
    @Column(nullable = false)
    public Instant createdAt;
}
