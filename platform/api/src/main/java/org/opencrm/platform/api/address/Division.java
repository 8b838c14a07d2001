package org.opencrm.platform.api.address;

/** One administrative division: its 6-digit GB/T 2260 code (e.g. 440305) and its name (e.g. 南山区). */
public record Division(String code, String name) {
}
