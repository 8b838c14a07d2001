package org.opencrm.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.opencrm.platform.api.ui.UiContribution;

/**
 * What every contribution to the shell has, held once: its id, its label from the module's messages, its order and
 * the permission that shows it. The bases {@link BaseMenuEntry}, {@link BaseRecordTab} and {@link BaseDashboardWidget}
 * extend it; a module extends those rather than implementing the whiteboard interfaces by hand.
 */
public abstract class BaseContribution implements UiContribution {
    private final String id;
    private final int order;
    private final String permission;
    private final Function<Locale, Messages> messages;
    private final String labelKey;

    /**
     * @param messages the module's messages in a language, e.g. {@code MyUi::messages}
     * @param labelKey the label's key in them
     * @param permission null when every signed-in user sees it
     */
    protected BaseContribution(String id, int order, String permission, Function<Locale, Messages> messages, String labelKey) {
        this.id = Objects.requireNonNull(id, "id");
        this.order = order;
        this.permission = permission;
        this.messages = Objects.requireNonNull(messages, "messages");
        this.labelKey = Objects.requireNonNull(labelKey, "labelKey");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public String label(Locale locale) {
        return messages.apply(locale).get(labelKey);
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final String permission() {
        return permission;
    }
}
