package org.opencrm.module.membership.internal.service;

import org.opencrm.module.membership.api.Notification;
import org.opencrm.module.membership.api.NotificationSender;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sender: logs every message (the outbox keeps it as SENT by "log"); any real gateway ranks above it. */
@Component(service = NotificationSender.class, property = "service.ranking" + ":Integer=-1000")
public class LoggingNotificationSender implements NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public boolean supports(String channel) {
        return true;
    }

    @Override
    public void send(Notification n) {
        LOG.info("{} to {} (member {}): {}", n.channel(), n.recipient(), n.memberId(), n.text());
    }
}
