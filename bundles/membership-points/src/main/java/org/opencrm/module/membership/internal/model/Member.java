package org.opencrm.module.membership.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.LockModeType;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A member: one core contact, its member number, join store, tier and status, and the balances of its points and
 * stored-value pool (shared by all its cards, parent and child). The balances are the sums of the ledgers
 * (MP_POINTS, MP_VALUE); they change only in the transaction that appends the ledger rows, with this row locked
 * ({@code SELECT ... FOR UPDATE}) first, which is also the one lock order of every balance change.
 */
@Entity
// the till's lock of a member row as a named query: EclipseLink prepares it once, while em.find(..., PESSIMISTIC_WRITE)
// built and prepared a new locking query on every call (about a quarter of the lock's cost in a profile)
@NamedQuery(name = Member.LOCK, query = "SELECT m FROM Member m WHERE m.id = :id", lockMode = LockModeType.PESSIMISTIC_WRITE)
@Table(name = "MP_MEMBER", indexes = {
        @Index(name = "MP_MEMBER_CONTACT", columnList = "CONTACTID", unique = true),
        @Index(name = "MP_MEMBER_NUMBER", columnList = "MEMBERNUMBER", unique = true),
        @Index(name = "MP_MEMBER_MOBILE", columnList = "MOBILE"),
        @Index(name = "MP_MEMBER_STORE", columnList = "JOINSTOREACCOUNTID,ID DESC"),
        @Index(name = "MP_MEMBER_TIER", columnList = "TIER,ID DESC"),
        @Index(name = "MP_MEMBER_NEWEST", columnList = "ID DESC") })
public class Member {
    public static final String ID_TABLE = "MP_SEQUENCE";
    public static final String LOCK = "Member.lock";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "memberIds")
    @TableGenerator(name = "memberIds", table = ID_TABLE, pkColumnValue = "MEMBER", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long contactId;
    @Column(length = 20, nullable = false)
    public String memberNumber;
    /** Copied from the contact at enrolment (search by mobile, SMS recipient); refreshed when the contact changes. */
    @Column(length = 20)
    public String mobile;
    @Column(length = 100)
    public String name;
    public LocalDate birthday;
    public Long joinStoreAccountId;
    @Column(length = 20, nullable = false)
    public String tier;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public MemberStatus status;
    /** Sum of MP_POINTS.POINTS; never negative. */
    public long pointsBalance;
    /** Sum of the debits (redemptions, negative adjustments, expiries) ever: with FIFO, what the oldest earnings lost. */
    public long pointsDebited;
    /** Sum of MP_VALUE.AMOUNTFEN in fen; never negative. */
    public long valueBalanceFen;
    /** Purchases of the last 12 months as of the last evaluation (fen), for reports; the rule reads MP_TXN. */
    public long rollingSpendFen;
    public Instant tierSince;
    public Instant lastActivityAt;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public long version;
}
