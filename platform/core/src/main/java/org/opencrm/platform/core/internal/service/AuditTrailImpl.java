package org.opencrm.platform.core.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.core.internal.schema.CoreSchema;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.model.AuditRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail of every module; joins the caller's transaction so entry and change commit together. Reads apply the
 * reader's data scope to the account each entry belongs to, with the core's own rule (Scope), so a partner reads the
 * entries of its subtree only and entries without an account are head office's.
 */
@Component(service = AuditTrail.class)
public class AuditTrailImpl implements AuditTrail {
    private final JpaTemplate jpa;

    /** Started once the core's schema is at the latest version (the audit indexes). */
    @Reference
    private CoreSchema schema;

    @Activate
    public AuditTrailImpl(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes) {
        record(actor, recordType, recordId, action, changes, null);
    }

    @Override
    public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes, Long accountId) {
        AuditRecord r = new AuditRecord();
        r.changedAt = Instant.now();
        r.actor = actor;
        r.recordType = recordType;
        r.recordId = recordId;
        r.action = action;
        r.accountId = accountId;
        String json = toJson(changes);
        r.changes = json.length() > 8000 ? json.substring(0, 7990) + "…\"}" : json;
        jpa.tx(TransactionType.Required, em -> em.persist(r));
    }

    @Override
    public Page<AuditEntry> forRecord(CrmUser user, String recordType, String recordId, int offset, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> find(em, Scope.of(user, em), new AuditQuery(null, recordType, recordId, null, null, null),
                offset, limit));
    }

    @Override
    public Page<AuditEntry> search(CrmUser user, AuditQuery query, int offset, int limit) {
        check(query);
        return jpa.txExpr(TransactionType.Supports, em -> find(em, Scope.of(user, em), query, offset, limit));
    }

    @Override
    @Deprecated
    public Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit) {
        return forRecord(CrmUser.SYSTEM, recordType, recordId, offset, limit);
    }

    @Override
    @Deprecated
    public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
        return search(CrmUser.SYSTEM, query, offset, limit);
    }

    private static void check(AuditQuery query) {
        if (query != null && query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInputException("to", "'to' must be after 'from'", "periodOrder");
        }
    }

    private static Page<AuditEntry> find(EntityManager em, Scope scope, AuditQuery query, int offset, int limit) {
        AuditQuery q = query == null ? AuditQuery.ALL : query;
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        criterion(where, params, "r.actor = :actor", "actor", blankToNull(q.actor()));
        criterion(where, params, "r.recordType = :type", "type", blankToNull(q.recordType()));
        criterion(where, params, "r.recordId = :id", "id", blankToNull(q.recordId()));
        criterion(where, params, "r.action = :action", "action", blankToNull(q.action()));
        criterion(where, params, "r.changedAt >= :from", "from", q.from());
        criterion(where, params, "r.changedAt < :to", "to", q.to());
        String filter = " WHERE 1 = 1" + (where.isEmpty() ? "" : " AND " + String.join(" AND ", where)) + scope.accountIdCondition("r.accountId");
        TypedQuery<AuditRecord> items = scope.bind(em.createQuery("SELECT r FROM AuditRecord r" + filter + " ORDER BY r.changedAt DESC, r.id DESC",
                AuditRecord.class));
        TypedQuery<Long> count = scope.bind(em.createQuery("SELECT COUNT(r) FROM AuditRecord r" + filter, Long.class));
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditEntry> page = items.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(AuditTrailImpl::toEntry).toList();
        long total = offset == 0 && page.size() < limit ? page.size() : count.getSingleResult();
        return new Page<>(page, total);
    }

    private static void criterion(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static AuditEntry toEntry(AuditRecord r) {
        return new AuditEntry(r.id, r.changedAt, r.actor, r.recordType, r.recordId, r.action, r.changes, r.accountId);
    }

    static String toJson(Map<String, ?> changes) {
        StringBuilder sb = new StringBuilder("{");
        if (changes != null) {
            boolean first = true;
            for (Map.Entry<String, ?> e : changes.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(quote(e.getKey())).append(':');
                Object v = e.getValue();
                sb.append(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : quote(v.toString()));
            }
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
