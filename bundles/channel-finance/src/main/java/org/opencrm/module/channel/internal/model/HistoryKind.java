package org.opencrm.module.channel.internal.model;

/** Which of a partner's terms changed. */
public enum HistoryKind {
    GRADE, CREDIT_LIMIT, TERM, CREDIT_STATUS, CHANNEL_TYPE
}
