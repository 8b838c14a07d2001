package org.opencrm.module.repair.internal.dto;

/** Routes a service request to a service centre and/or gives it an owner; {@code version} is the one read (optimistic locking). */
public record RouteRequest(Long centreAccountId, String owner, Long version) {
}
