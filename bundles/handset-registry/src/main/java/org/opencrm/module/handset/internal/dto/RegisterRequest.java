package org.opencrm.module.handset.internal.dto;

/** POST /handsets: a unit from the factory. {@code modelCode} names a catalogue model; imei2 only for dual-SIM units. */
public record RegisterRequest(String imei, String imei2, String serialNumber, String modelCode, String scrambleCode, String batch) {
}
