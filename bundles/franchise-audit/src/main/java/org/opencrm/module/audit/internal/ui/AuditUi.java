package org.opencrm.module.audit.internal.ui;

import java.util.Locale;

import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.ui.Messages;

/** The module's UI messages. */
final class AuditUi {
    private AuditUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(AuditUi.class, FranchiseAuditNames.MESSAGES, locale);
    }
}
