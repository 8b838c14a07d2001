package org.opencrm.platform.rest.internal;

import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/**
 * The platform's refusals (contacts, accounts, users, modules, money, the validation and JSON rules) in the caller's
 * language over REST, with or without the web shell: {@code error.<messageKey>} of {@link RefusalTexts#PLATFORM}. The
 * shell's {@code Feedback} says them from the same texts.
 */
@Component(service = RefusalTexts.class)
public class PlatformRefusals implements RefusalTexts {
    @Override
    public String baseName() {
        return PLATFORM;
    }
}
