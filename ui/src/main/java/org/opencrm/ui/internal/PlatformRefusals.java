package org.opencrm.ui.internal;

import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/**
 * The platform's refusals (contacts, accounts, users, modules, money, the validation rules) in the caller's language
 * over REST too: the web shell's texts, where they are worded for the UI's messages ({@code error.<messageKey>} of
 * {@code org.opencrm.ui.feedback}, argument 0 the field). Without the shell (a headless core) the REST API answers
 * these in English, with their message key.
 */
@Component(service = RefusalTexts.class)
public class PlatformRefusals implements RefusalTexts {
    @Override
    public String baseName() {
        return "org.opencrm.ui.feedback";
    }
}
