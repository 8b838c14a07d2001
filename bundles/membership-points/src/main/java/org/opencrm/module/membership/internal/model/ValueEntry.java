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

/** The append-only stored-value ledger (fen, signed); a member's value balance is the sum of its rows. */
@Entity
@Table(name = "MP_VALUE", indexes = @Index(name = "MP_VALUE_MEMBER", columnList = "MEMBERID,ID DESC"))
public class ValueEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "valueIds")
    @TableGenerator(name = "valueIds", table = Member.ID_TABLE, pkColumnValue = "VALUE", allocationSize = 1000)
    public Long id;
    @Column(nullable = false)
    public Long memberId;
    @Column(nullable = false)
    public Long txnId;
    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    public TxnKind kind;
    /** true for the bonus part of a top-up. */
    public boolean bonus;
    public long amountFen;
    public long balanceAfter;
    @Column(nullable = false)
    public Instant createdAt;
}
