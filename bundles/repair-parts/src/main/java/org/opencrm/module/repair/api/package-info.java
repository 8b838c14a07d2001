/**
 * The repair and parts module's API for other modules: the EventAdmin topics it posts (service requests, repair
 * orders, part issues and stock changes) and their property keys. Everything else of the module is internal.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.module.repair.api;
