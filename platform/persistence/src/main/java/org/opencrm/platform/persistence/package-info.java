/** JPA plumbing shared by the core and every module: paging, prefix search, optimistic-lock checks, id blocks for bulk inserts, cached totals of large lists. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.opencrm.platform.persistence;
