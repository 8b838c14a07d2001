package org.opencrm.module.channel.internal.dto;

import java.time.Instant;

/** A change of a partner's grade, credit limit, term or credit status. */
public record HistoryData(long id, String kind, String fromValue, String toValue, String reason, String actor, Instant at) {
}
