package org.opencrm.module.membership.internal.dto;

/** Changes to a member: status (ACTIVE, SUSPENDED, CLOSED), birthday, join store; absent fields stay. */
public record MemberUpdate(String status, java.time.LocalDate birthday, Long joinStoreAccountId, String reason) {
}
