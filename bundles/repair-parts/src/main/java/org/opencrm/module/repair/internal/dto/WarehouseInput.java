package org.opencrm.module.repair.internal.dto;

import org.opencrm.module.repair.internal.model.WarehouseKind;

/** A new warehouse: code, name, kind, the core account it belongs to, the warehouse that supplies it. */
public record WarehouseInput(String code, String name, WarehouseKind kind, Long accountId, Long supplierId) {
}
