/** What other modules may know of channel finance: its event topics. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.module.channel.api;
