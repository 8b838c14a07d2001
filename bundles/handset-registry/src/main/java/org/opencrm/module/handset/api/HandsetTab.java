package org.opencrm.module.handset.api;

import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.api.ui.UiContribution;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tab another module adds to a unit's page in the handset registry (the repair module's "Repairs", for instance):
 * register it as an OSGi service (whiteboard). The page shows the tabs whose permission the user has, by
 * {@link #order()}, and drops a tab as soon as its module is disabled.
 */
@ConsumerType
public interface HandsetTab extends UiContribution {
    /** The tab's content (a Vaadin component) for the unit with this IMEI (its first slot). */
    Object createTab(UiContext context, String imei);
}
