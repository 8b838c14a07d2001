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
public abstract class BaseDashboardWidget extends BaseContribution implements DashboardWidget {
    private final int columns;
    private final Function<UiContext, Object> widget;

    /** A tile the factory creates; {@code columns} is the width in grid columns of 12. */
    protected BaseDashboardWidget(String id, int order, String permission, int columns, Function<Locale, Messages> messages, String labelKey,
            Function<UiContext, ?> widget) {
        super(id, order, permission, messages, labelKey);
        this.columns = columns;
        this.widget = widget::apply;
    }

    /** A tile that overrides {@link #createWidget}; {@code columns} is the width in grid columns of 12. */
    protected BaseDashboardWidget(String id, int order, String permission, int columns, Function<Locale, Messages> messages, String labelKey) {
        super(id, order, permission, messages, labelKey);
        this.columns = columns;
        this.widget = null;
    }

    @Override
    public Object createWidget(UiContext context) {
        if (widget == null) {
            throw new IllegalStateException(id() + " has no widget factory and does not override createWidget");
        }
        return widget.apply(context);
    }

    @Override
    public final int columns() {
        return columns;
    }
}
