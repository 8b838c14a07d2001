package org.opencrm.module.repair.spi;

import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.api.ui.UiContribution;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The repair module's "Repairs" tab for a device's page, registered while the module is active: a bridge shows it on
 * the page of a device registry (the handset registry's unit page, through its HandsetTab whiteboard).
 */
@ProviderType
public interface DeviceRepairsTab extends UiContribution {
    /** The tab's content (a Vaadin component) for the device with this IMEI. */
    Object createTab(UiContext context, String imei);
}
