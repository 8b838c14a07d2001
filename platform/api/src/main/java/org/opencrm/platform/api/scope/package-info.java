/**
 * The data-scope rule, once, for the core and every module: may this user see this account, this contact, a record
 * attached to an account ({@link org.opencrm.platform.api.scope.DataScopes}), and the condition that narrows a
 * module's own list queries to the accounts the user may see ({@link org.opencrm.platform.api.scope.ScopeFilter}).
 * The core owns the account tree and implements the service; a module keeps account ids on its records and no copy of
 * the tree. A package of its own (not {@code customer}, which is read access to contacts and accounts) because every
 * module scopes its records, whether or not it reads customers, and so that each evolves with its own version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.api.scope;
