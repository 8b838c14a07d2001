/**
 * China's administrative divisions (GB/T 2260 codes: province, city, county level), shipped as data with the platform,
 * for addresses entered as cascading 省/市/区 selects and stored as codes and names.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.opencrm.platform.api.address;
