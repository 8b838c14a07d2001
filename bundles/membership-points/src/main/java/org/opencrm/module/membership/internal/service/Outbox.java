package org.opencrm.module.membership.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.api.Notification;
import org.opencrm.module.membership.api.NotificationSender;
import org.opencrm.module.membership.internal.dto.OutboxData;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.OutboxMessage;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification outbox. {@link #write} adds messages inside the transaction of the change they report; {@link
 * #deliver} later hands committed PENDING messages to the highest-ranked {@link NotificationSender} of their channel,
 * outside any transaction, and marks them SENT (or FAILED after {@link #MAX_ATTEMPTS}). Each message is claimed
 * before it is handed over (one conditional UPDATE: PENDING and not claimed, or its claim ran out), so of two deliveries
 * on two nodes only one sends it; a claim runs out after {@link #CLAIM} (the node died while sending: the message is
 * sent again, at least once, never lost).
 */
@Component(service = Outbox.class)
public class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_ATTEMPTS = 5;
    static final Duration CLAIM = Duration.ofMinutes(5);
    /** This outbox's name in the claims (unique per activation). */
    private final String claimer = "outbox-" + UUID.randomUUID();
    private final JpaTemplate jpa;
    private final Rules rules;
    private final List<Ranked> senders = new CopyOnWriteArrayList<>();

    private record Ranked(NotificationSender sender, int ranking) {
    }

    @Activate
    public Outbox(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference Rules rules) {
        this.jpa = jpa;
        this.rules = rules;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSender(NotificationSender sender, Map<String, Object> props) {
        Object r = props == null ? null : props.get("service.ranking");
        senders.add(new Ranked(sender, r instanceof Integer i ? i : 0));
    }

    public void removeSender(NotificationSender sender) {
        senders.removeIf(r -> r.sender() == sender);
    }

    /** Queues one message per configured channel to the member; inside the caller's transaction. */
    public void write(EntityManager em, Member m, Long txnId, String type, String zh, String en) {
        Rules.Terms t = rules.terms();
        for (String channel : t.channels()) {
            String recipient = "SMS".equals(channel) ? m.mobile : null;
            if (recipient == null && "SMS".equals(channel)) {
                continue;
            }
            OutboxMessage o = new OutboxMessage();
            o.memberId = m.id;
            o.txnId = txnId;
            o.channel = channel;
            o.recipient = recipient;
            o.type = type;
            String text = "en".equalsIgnoreCase(t.language()) ? en : zh;
            o.text = text.length() > 500 ? text.substring(0, 500) : text;
            o.status = OutboxMessage.PENDING;
            o.createdAt = rules.now();
            em.persist(o);
        }
    }

    /** Delivers up to {@code max} pending messages; returns how many were sent. */
    public int deliver(int max) {
        long now = System.currentTimeMillis();
        List<OutboxMessage> pending = jpa.txExpr(TransactionType.RequiresNew, em -> em
                .createQuery("SELECT o FROM OutboxMessage o WHERE o.status = :s AND (o.claimedUntil IS NULL OR o.claimedUntil < :now) ORDER BY o.id",
                        OutboxMessage.class)
                .setParameter("s", OutboxMessage.PENDING).setParameter("now", now).setMaxResults(max).getResultList());
        int sent = 0;
        for (OutboxMessage o : pending) {
            if (!claim(o.id)) {
                continue; // another node's delivery has it
            }
            NotificationSender sender = senderFor(o.channel);
            String error = null;
            if (sender == null) {
                error = "no sender for channel " + o.channel;
            } else {
                try {
                    sender.send(new Notification(o.id, o.memberId, o.channel, o.recipient, o.type, o.text, o.createdAt));
                } catch (Exception e) {
                    error = String.valueOf(e.getMessage());
                    LOG.warn("Notification {} to member {} by {} failed: {}", o.id, o.memberId, sender.name(), error);
                }
            }
            String failure = error;
            String senderName = sender == null ? null : sender.name();
            jpa.tx(TransactionType.RequiresNew, em -> {
                OutboxMessage x = em.find(OutboxMessage.class, o.id);
                x.attempts++;
                x.claimedBy = null;
                x.claimedUntil = null;
                x.sender = senderName;
                if (failure == null) {
                    x.status = OutboxMessage.SENT;
                    x.sentAt = Instant.now();
                } else {
                    x.lastError = failure.length() > 300 ? failure.substring(0, 300) : failure;
                    if (x.attempts >= MAX_ATTEMPTS) {
                        x.status = OutboxMessage.FAILED;
                    }
                }
            });
            if (failure == null) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims a pending message for this outbox; false when it is sent, failed or claimed by another one meanwhile. */
    boolean claim(long id) {
        long now = System.currentTimeMillis();
        return jpa.txExpr(TransactionType.RequiresNew, em -> em.createQuery("UPDATE OutboxMessage o SET o.claimedBy = :me, o.claimedUntil = :until"
                + " WHERE o.id = :id AND o.status = :pending AND (o.claimedUntil IS NULL OR o.claimedUntil < :now)")
                .setParameter("me", claimer).setParameter("until", now + CLAIM.toMillis()).setParameter("id", id)
                .setParameter("pending", OutboxMessage.PENDING).setParameter("now", now).executeUpdate()) == 1;
    }

    NotificationSender senderFor(String channel) {
        List<Ranked> all = new ArrayList<>(senders);
        all.sort(Comparator.comparingInt(Ranked::ranking).reversed());
        for (Ranked r : all) {
            if (r.sender().supports(channel)) {
                return r.sender();
            }
        }
        return null;
    }

    /** Newest first; a member's messages when {@code memberId} is set. */
    public Page<OutboxData> list(Long memberId, String status, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = " WHERE 1 = 1" + (memberId == null ? "" : " AND o.memberId = :m") + (status == null ? "" : " AND o.status = :s");
            var q = em.createQuery("SELECT o FROM OutboxMessage o" + where + " ORDER BY o.id DESC", OutboxMessage.class);
            var c = em.createQuery("SELECT COUNT(o) FROM OutboxMessage o" + where, Long.class);
            if (memberId != null) {
                q.setParameter("m", memberId);
                c.setParameter("m", memberId);
            }
            if (status != null) {
                q.setParameter("s", status);
                c.setParameter("s", status);
            }
            q.setFirstResult(page.offset()).setMaxResults(page.limit());
            List<OutboxData> items = q.getResultList().stream().map(o -> new OutboxData(o.id, o.memberId, o.channel, o.recipient, o.type, o.text,
                    o.status, o.attempts, o.sender, o.createdAt, o.sentAt)).toList();
            return new Page<>(items, c.getSingleResult());
        });
    }
}
