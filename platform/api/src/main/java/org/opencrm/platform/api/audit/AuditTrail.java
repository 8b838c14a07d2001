package org.opencrm.platform.api.audit;

import java.util.Map;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who changed what and when, for every business record of every module. Call it inside the transaction that
 * makes the change, so the entry and the change commit or roll back together.
 *
 * <p>Data scope: every entry belongs to the account its record belonged to when it was written ({@code accountId}
 * of {@link #record(String, String, String, String, Map, Long)}). A user reads an entry when the core's scope rule
 * lets them see that account (a partner its own subtree, a region its accounts); entries without an account (the
 * company's catalogues, users, modules) only head office (HQ scope) reads. Attribute a record the way the module
 * scopes it: a contact by its account, a member by its join store, a sold unit by the store that sold it, a repair
 * by its service centre.
 */
@ProviderType
public interface AuditTrail {
    /**
     * {@code changes}: field name to new value (old values are in earlier entries). {@code accountId}: the account the
     * record belongs to (null: the whole company, read by HQ only).
     */
    void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes, Long accountId);

    /** An entry of the whole company (no account): read by HQ only. */
    void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes);

    /** The entries of one record that {@code user} may read, newest first. */
    Page<AuditEntry> forRecord(CrmUser user, String recordType, String recordId, int offset, int limit);

    /** Entries matching the query that {@code user} may read, newest first. */
    Page<AuditEntry> search(CrmUser user, AuditQuery query, int offset, int limit);

    /**
     * Every entry of one record, whatever the data scope.
     *
     * @deprecated not scoped: use {@link #forRecord(CrmUser, String, String, int, int)} for anything a user sees.
     */
    @Deprecated
    Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit);

    /**
     * Entries matching the query, whatever the data scope, newest first.
     *
     * @deprecated not scoped: use {@link #search(CrmUser, AuditQuery, int, int)} for anything a user sees.
     */
    @Deprecated
    Page<AuditEntry> search(AuditQuery query, int offset, int limit);
}
