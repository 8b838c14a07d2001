/** Helpers for REST resources of the core and of modules. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package org.opencrm.platform.rest;
