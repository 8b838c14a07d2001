/** JPA plumbing shared by the core and every module: paging, prefix search, optimistic-lock checks. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.persistence;
