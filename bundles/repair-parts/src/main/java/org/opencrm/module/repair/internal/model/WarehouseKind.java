package org.opencrm.module.repair.internal.model;

/** HQ central warehouse, a regional warehouse, or the stock room of one service centre. */
public enum WarehouseKind {
    HQ, REGIONAL, CENTRE
}
