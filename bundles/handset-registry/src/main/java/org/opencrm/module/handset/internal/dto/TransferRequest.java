package org.opencrm.module.handset.internal.dto;

/** POST /handsets/{imei}/transfer: ownership moves to the contact {@code contactId}; the warranty card stays. */
public record TransferRequest(Long contactId, String note) {
}
