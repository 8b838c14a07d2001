package org.opencrm.module.channel.internal.dto;


/** A product partners buy; source CATALOGUE (the module's own) or the name of another source (HANDSETS). */
public record ProductData(String code, String name, Boolean serialised, String source) {
}
