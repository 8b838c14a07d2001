package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;

/** The audit trail answers each reader within the reader's data scope. */
class AuditScopeTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aScopedReaderSeesTheEntriesOfItsSubtreeOnlyAndHqSeesAll() {
        long a = f.account("A", null);
        long a1 = f.account("A1", a);
        long b = f.account("B", null);
        long contactA = f.contacts.create(f.admin, CoreFixture.contact("甲", "13800000001", a1)).id();
        long contactB = f.contacts.create(f.admin, CoreFixture.contact("乙", "13800000002", b)).id();
        f.jpa.tx(em -> f.audit.record("admin", "catalogue", "1", "create", Map.of("x", 1)));
        f.jpa.tx(em -> f.audit.record("admin", "member", "7", "enrol", Map.of("store", b), b));

        CrmUser viewerA = CoreFixture.partner("va", a, "core.audit.read");
        List<AuditEntry> seen = f.audit.search(viewerA, AuditQuery.ALL, 0, 500).items();
        assertTrue(seen.stream().anyMatch(e -> e.recordType().equals("contact") && e.recordId().equals(Long.toString(contactA))), seen.toString());
        assertTrue(seen.stream().noneMatch(e -> e.recordType().equals("contact") && e.recordId().equals(Long.toString(contactB))), seen.toString());
        assertTrue(seen.stream().noneMatch(e -> e.recordType().equals("catalogue") || e.recordType().equals("member")), "HQ's and B's entries");
        assertTrue(seen.stream().allMatch(e -> Set.of(a, a1).contains(e.accountId())), seen.toString());
        assertEquals(0, f.audit.forRecord(viewerA, "contact", Long.toString(contactB), 0, 50).total());
        assertEquals(1, f.audit.forRecord(viewerA, "contact", Long.toString(contactA), 0, 50).total());
        assertEquals(seen.size(), f.audit.search(viewerA, AuditQuery.ALL, 0, 500).total());

        List<AuditEntry> hq = f.audit.search(f.admin, AuditQuery.ALL, 0, 500).items();
        assertTrue(hq.stream().anyMatch(e -> e.recordType().equals("catalogue")));
        assertTrue(hq.stream().anyMatch(e -> e.recordType().equals("contact") && e.recordId().equals(Long.toString(contactB))));
        assertEquals(1, f.audit.forRecord(f.admin, "member", "7", 0, 50).total());

        // a store user of A1 sees A1's, not the partner account A's own entry
        CrmUser store = new CrmUser("s", Set.of("store"), Set.of("core.audit.read"), new DataScope(ScopeType.STORE, null, a1));
        List<AuditEntry> storeSees = f.audit.search(store, AuditQuery.ALL, 0, 500).items();
        assertTrue(storeSees.stream().allMatch(e -> Long.valueOf(a1).equals(e.accountId())), storeSees.toString());
        assertTrue(storeSees.stream().anyMatch(e -> e.recordType().equals("contact") && e.recordId().equals(Long.toString(contactA))));
    }
}
