package org.opencrm.ui;

import java.util.Locale;
import java.util.function.Function;

import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.platform.api.ui.UiContext;

/**
 * A tile on the dashboard. Register a subclass as a DS component with {@code service = DashboardWidget.class} and
 * either hand the constructor a factory of the tile or override {@link #createWidget}; show only what the user's
 * data scope covers.
 */
public abstract non-sealed class BaseDashboardWidget extends BaseContribution implements DashboardWidget {
    private final int columns;

    /** A tile the factory creates; {@code columns} is the width in grid columns of 12. */
    protected BaseDashboardWidget(String id, int order, String permission, int columns, Function<Locale, Messages> messages, String labelKey,
            Function<UiContext, ?> widget) {
        super(id, order, permission, messages, labelKey, widget == null ? null : (context, none) -> widget.apply(context));
        this.columns = columns;
    }

    /** A tile that overrides {@link #createWidget}; {@code columns} is the width in grid columns of 12. */
    protected BaseDashboardWidget(String id, int order, String permission, int columns, Function<Locale, Messages> messages, String labelKey) {
        this(id, order, permission, columns, messages, labelKey, null);
    }

    @Override
    public Object createWidget(UiContext context) {
        return fromFactory(context, null, "createWidget");
    }

    @Override
    public final int columns() {
        return columns;
    }
}
