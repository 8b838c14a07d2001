package org.opencrm.platform.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/** A tile on the dashboard: a count, a chart, a short list. */
@ConsumerType
public interface DashboardWidget extends UiContribution {
    /** Width in grid columns (of 12). */
    default int columns() {
        return 4;
    }

    Object createWidget(UiContext context);
}
