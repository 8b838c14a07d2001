package org.opencrm.platform.core.internal.service;

import java.util.List;
import java.util.Locale;

import org.opencrm.platform.api.ui.TimelineTypes;

/** A module's texts as its bundle would say them (the channel module's reminder subject), for tests of wording. */
public final class ReminderTexts implements TimelineTypes {
    public static final String KEY = "collection.reminder.activity";

    @Override
    public String moduleId() {
        return "channel";
    }

    @Override
    public String label(String type, Locale locale) {
        return null;
    }

    /** Values: the level and the invoice number. */
    @Override
    public String title(String key, List<String> args, Locale locale) {
        if (!KEY.equals(key)) {
            return null;
        }
        return "zh".equals(locale.getLanguage()) ? "催款提醒（第 " + args.get(0) + " 级）：发票 " + args.get(1)
                : "Payment reminder (level " + args.get(0) + "): invoice " + args.get(1);
    }
}
