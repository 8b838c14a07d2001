package org.opencrm.module.channel.internal.ui;

import java.math.BigDecimal;
import java.util.Locale;

import org.opencrm.ui.Messages;

/** The module's UI messages and small helpers its screens share. */
final class ChannelUi {
    static final String MESSAGES = "org.opencrm.module.channel.internal.ui.messages";

    private ChannelUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(ChannelUi.class, MESSAGES, locale);
    }

    /** Grades are configurable: the shipped ones are translated, others show their code. */
    static String grade(Messages msg, String grade) {
        return grade == null ? "" : msg.has("grade." + grade) ? msg.get("grade." + grade) : grade;
    }

    static String yuan(BigDecimal amount) {
        return org.opencrm.platform.api.money.Money.display(amount);
    }
}
