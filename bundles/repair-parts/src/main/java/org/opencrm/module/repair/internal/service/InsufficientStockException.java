package org.opencrm.module.repair.internal.service;

import org.opencrm.platform.api.ConflictException;

/** 409 insufficient_stock: the warehouse has fewer of the part than asked for; carries what it has. Nothing was written. */
public class InsufficientStockException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final long available;

    public InsufficientStockException(String partNumber, String warehouseCode, long available, long wanted) {
        super("insufficient_stock", "quantity",
                "warehouse " + warehouseCode + " has " + available + " of part " + partNumber + "; " + wanted + " cannot be taken",
                "repair.insufficientStock", warehouseCode, available, partNumber, wanted);
        this.available = available;
    }

    public long available() {
        return available;
    }
}
