package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;

/** Repairs of a model in the period ÷ its units sold (the handset registry's count); {@code unitsSold} and {@code rate} are null without the registry. */
public record RepairRate(String modelCode, long repairs, Long unitsSold, BigDecimal rate) {
}
