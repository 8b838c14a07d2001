/**
 * The handset registry's API for other modules (repair, membership, ...): look a unit up by IMEI, ask whether it is
 * in warranty on a date, list the model catalogue, move it into and out of repair, record it shipped to a channel partner (1.3), and the EventAdmin topics the registry posts. Everything
 * else of the module is internal. Use it through an optional service reference: the registry may be disabled.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.opencrm.module.handset.api;
