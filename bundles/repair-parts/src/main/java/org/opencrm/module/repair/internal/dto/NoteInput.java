package org.opencrm.module.repair.internal.dto;

/** A free-text note, resolution or reason. */
public record NoteInput(String note) {
}
