package org.opencrm.module.handset.internal.dto;

import java.time.LocalDate;

import org.opencrm.module.handset.api.AccessoryType;

/** An accessory on a card. {@code warrantyUntil} (last day covered) is computed; ignored on input. */
public record AccessoryData(AccessoryType type, String code, LocalDate warrantyUntil) {
}
