package org.opencrm.module.channel.internal.dto;


/** Approve (true) or reject (false), with a note. */
public record DecisionInput(Boolean approve, String note) {
}
