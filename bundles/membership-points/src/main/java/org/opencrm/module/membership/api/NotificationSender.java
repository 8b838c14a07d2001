package org.opencrm.module.membership.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service that delivers the module's notifications (an SMS or e-mail gateway). The module hands every
 * committed outbox message to the highest-ranked sender that {@link #supports} its channel, outside any
 * transaction, and retries a few times when it throws. With no sender of its own a deployment uses the module's
 * default sender, which only logs the message (the outbox keeps it).
 */
@ConsumerType
public interface NotificationSender {
    /** A short name stored with each message it sent, e.g. "aliyun-sms". */
    String name();

    /** Whether this sender delivers the channel ("SMS", "EMAIL"). */
    boolean supports(String channel);

    /** Delivers the message or throws; must be idempotent by {@link Notification#id()}. */
    void send(Notification notification) throws Exception;
}
