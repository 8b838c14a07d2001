package org.opencrm.module.repair.internal.dto;

import org.opencrm.module.repair.internal.model.WarehouseKind;
import org.opencrm.platform.rest.ApiSchema;

/** A new warehouse: code, name, kind, the core account it belongs to, the warehouse that supplies it. */
@ApiSchema(required = { "code", "name", "kind", "accountId" })
public record WarehouseInput(String code, String name, WarehouseKind kind, Long accountId, Long supplierId) {
}
