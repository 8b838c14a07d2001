package org.opencrm.module.membership.internal.rest;

/** The optional body of a card lifecycle step. */
public record NoteRequest(String note) {
}
