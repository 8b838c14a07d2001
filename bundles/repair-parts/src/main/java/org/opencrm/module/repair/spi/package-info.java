/**
 * What the repair module asks of other modules, for bridge bundles that connect them: {@link
 * org.opencrm.module.repair.spi.DeviceRegistry} (units, warranty verdicts and status moves of a device registry) and
 * {@link org.opencrm.module.repair.spi.DeviceRepairsTab} (the module's "Repairs" tab for a device's page).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.module.repair.spi;
