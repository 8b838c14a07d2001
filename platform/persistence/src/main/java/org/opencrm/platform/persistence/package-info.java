/** JPA plumbing shared by the core and every module (and PlatformTable for the platform's plain-JDBC tables): paging, prefix search, optimistic-lock checks, id blocks and batched JDBC inserts (BulkInsert) for bulk imports, cached totals of large lists, schema migrations: checked steps (Schema: indexes, unique constraints) and each module's versioned schema (ModuleSchema), run on Derby and PostgreSQL, what a database failure means (SqlFailure), the retry of transactions that lost a lock race (TransactionRetry) and the group commit of short independent writes (GroupCommit). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package org.opencrm.platform.persistence;
