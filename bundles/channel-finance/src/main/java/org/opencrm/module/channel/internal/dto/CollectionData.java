package org.opencrm.module.channel.internal.dto;

import java.util.List;

/** What a collection run did: reminders created, partners put on hold. */
public record CollectionData(int reminders, int holds, List<String> actions) {
}
