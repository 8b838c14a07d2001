package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.customer.CounterMatch;
import org.opencrm.platform.api.security.CrmUser;

/**
 * A walk-in customer registered by another store is found at the counter by the complete mobile only, shown by name and
 * masked mobile, and the look-up is audited; no prefix or name search reaches outside the clerk's scope.
 */
class CounterLookupTest {
    private final CoreFixture f = new CoreFixture();
    private final CustomerDirectoryImpl directory = new CustomerDirectoryImpl(f.jpa, f.contacts, new DataScopesImpl(f.jpa), f.accounts, f.audit);

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEntry> lookups() {
        return f.audit.search(f.admin, new AuditQuery(null, "contact", null, CustomerDirectoryImpl.COUNTER_LOOKUP, null, null), 0, 10).items();
    }

    @Test
    void anotherStoresCustomerIsFoundByTheCompleteMobileOnlyByNameAndMaskedMobileAndAudited() {
        long ours = f.account("天河店", null);
        long theirs = f.account("越秀店", null);
        CrmUser clerk = CoreFixture.partner("clerk", ours);
        long elsewhere = f.contacts.create(f.admin, CoreFixture.contact("王小明", "13800138007", theirs)).id();
        long own = f.contacts.create(f.admin, CoreFixture.contact("王大明", "13900139001", ours)).id();

        assertEquals(List.of(), directory.findAtCounter(clerk, "138", 10), "a prefix does not reach outside the scope");
        assertEquals(List.of(), directory.findAtCounter(clerk, "1380013800", 10), "nor ten digits of eleven");
        assertEquals(List.of(new CounterMatch(own, "王大明", "139****9001", true)), directory.findAtCounter(clerk, "王", 10), "a name finds only the clerk's own");
        assertEquals(List.of(), lookups(), "nothing outside the scope was shown: nothing audited");

        assertEquals(List.of(new CounterMatch(elsewhere, "王小明", "138****8007", false)), directory.findAtCounter(clerk, "138-0013-8007", 10));
        List<AuditEntry> audited = lookups();
        assertEquals(1, audited.size());
        assertEquals("clerk", audited.get(0).actor());
        assertEquals(String.valueOf(elsewhere), audited.get(0).recordId());

        assertEquals(List.of(new CounterMatch(own, "王大明", "139****9001", true)), directory.findAtCounter(clerk, "13900139001", 10));
        assertEquals(List.of(new CounterMatch(elsewhere, "王小明", "138****8007", true)), directory.findAtCounter(f.admin, "13800138007", 10),
                "head office sees every contact: found in its scope");
        assertEquals(1, lookups().size(), "look-ups inside the scope are not audited");
    }
}
