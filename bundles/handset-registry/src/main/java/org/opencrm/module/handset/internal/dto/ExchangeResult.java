package org.opencrm.module.handset.internal.dto;

/** The two units of an exchange after it: the old one EXCHANGED, the new one SOLD with the new card. */
public record ExchangeResult(HandsetData returned, HandsetData issued) {
}
