package org.opencrm.ui.internal;

import java.util.Locale;

import org.opencrm.ui.SupportedLocales;

import com.vaadin.ui.ComboBox;

/** 中文 / English; the choice lasts for the session. */
final class LanguageSwitch extends ComboBox<Locale> {
    private static final long serialVersionUID = 1L;

    LanguageSwitch(CrmUI ui) {
        super(null, SupportedLocales.ALL);
        setId("language");
        setItemCaptionGenerator(l -> l.getLanguage().equals("zh") ? "中文" : "English");
        setEmptySelectionAllowed(false);
        setTextInputAllowed(false);
        setWidth("120px");
        setValue(SupportedLocales.resolve(ui.getLocale()));
        addValueChangeListener(e -> {
            if (e.isUserOriginated() && e.getValue() != null) {
                ui.switchLocale(e.getValue());
            }
        });
    }
}
