/** The module's extension point: product sources other than its own catalogue (the handset registry's models). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.opencrm.module.channel.spi;
