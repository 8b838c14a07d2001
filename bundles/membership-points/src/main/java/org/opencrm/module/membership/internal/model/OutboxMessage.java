package org.opencrm.module.membership.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A notification to a member (SMS or e-mail), written in the transaction of the change it reports (so it exists if
 * and only if the change committed) and handed to a NotificationSender afterwards.
 */
@Entity
@Table(name = "MP_OUTBOX", indexes = { @Index(name = "MP_OUTBOX_PENDING", columnList = "STATUS,ID"),
        @Index(name = "MP_OUTBOX_MEMBER", columnList = "MEMBERID,ID DESC") })
public class OutboxMessage {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "outboxIds")
    @TableGenerator(name = "outboxIds", table = Member.ID_TABLE, pkColumnValue = "OUTBOX", allocationSize = 1000)
    public Long id;
    @Column(nullable = false)
    public Long memberId;
    public Long txnId;
    @Column(length = 8, nullable = false)
    public String channel;
    @Column(length = 100)
    public String recipient;
    @Column(length = 32, nullable = false)
    public String type;
    @Column(length = 500, nullable = false)
    public String text;
    @Column(length = 8, nullable = false)
    public String status;
    public int attempts;
    @Column(length = 64)
    public String sender;
    @Column(length = 300)
    public String lastError;
    /** The delivery that claimed the message (a node's outbox), until {@link #claimedUntil} (epoch ms); null when unclaimed. */
    @Column(length = 64)
    public String claimedBy;
    public Long claimedUntil;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant sentAt;
}
