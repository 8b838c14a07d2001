package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/**
 * An entry of the fault-code catalogue (also the input to add or change one): {@code description} in English,
 * {@code descriptionZh} in Simplified Chinese (optional).
 */
@ApiSchema(required = { "code", "description" })
public record FaultCodeData(String code, String description, String descriptionZh, Boolean active) {
    /** The description in the language of {@code locale}: Chinese when there is one and the user works in Chinese. */
    public String describe(java.util.Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        return chinese && descriptionZh != null && !descriptionZh.isBlank() ? descriptionZh : description;
    }
}
