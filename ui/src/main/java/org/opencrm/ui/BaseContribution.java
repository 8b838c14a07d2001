package org.opencrm.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.api.ui.UiContribution;

/**
 * What every contribution to the shell has, held once: its id, its label from the module's messages, its order and
 * the permission that shows it. The bases {@link BaseMenuEntry}, {@link BaseRecordTab} and {@link BaseDashboardWidget}
 * extend it; a module extends those rather than implementing the whiteboard interfaces by hand.
 */
public abstract sealed class BaseContribution implements UiContribution permits BaseMenuEntry, BaseRecordTab, BaseDashboardWidget {
    private final String id;
    private final int order;
    private final String permission;
    private final Function<Locale, Messages> messages;
    private final String labelKey;
    private final BiFunction<UiContext, Long, ?> factory;

    /**
     * @param messages the module's messages in a language, e.g. {@code MyUi::messages}
     * @param labelKey the label's key in them
     * @param permission null when every signed-in user sees it
     * @param factory what creates the component for a session (and a record, for a tab); null when the subclass
     *        overrides the create method instead
     */
    BaseContribution(String id, int order, String permission, Function<Locale, Messages> messages, String labelKey,
            BiFunction<UiContext, Long, ?> factory) {
        this.id = Objects.requireNonNull(id, "id");
        this.order = order;
        this.permission = permission;
        this.messages = Objects.requireNonNull(messages, "messages");
        this.labelKey = Objects.requireNonNull(labelKey, "labelKey");
        this.factory = factory;
    }

    /** The factory's component; a subclass built without one must override the create method that calls this. */
    final Object fromFactory(UiContext context, Long recordId, String method) {
        if (factory == null) {
            throw new IllegalStateException(id + " has no factory and does not override " + method);
        }
        return factory.apply(context, recordId);
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
