package org.opencrm.module.repair.internal.dto;

/** A warehouse. */
public record WarehouseData(long id, String code, String name, String kind, long accountId, Long supplierId, boolean active) {
}
