package org.opencrm.ui;

import java.util.Locale;
import java.util.function.Function;

import org.opencrm.platform.api.ui.DashboardWidget;

/**
 * A tile on the dashboard. Register a subclass as a DS component with {@code service = DashboardWidget.class} and
 * implement {@link #createWidget}, showing only what the user's data scope covers.
 */
public abstract class BaseDashboardWidget extends BaseContribution implements DashboardWidget {
    private final int columns;

    /** @param columns the width in grid columns of 12 */
    protected BaseDashboardWidget(String id, int order, String permission, int columns, Function<Locale, Messages> messages, String labelKey) {
        super(id, order, permission, messages, labelKey);
        this.columns = columns;
    }

    @Override
    public final int columns() {
        return columns;
    }
}
