package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.model.Contact;

/** The dashboard's new contacts per week: one pass, weeks oldest first, merged contacts and other scopes left out. */
class ContactsPerWeekTest {
    @Test
    void eachContactCountsInTheWeekItWasCreatedIn() {
        try (CoreFixture f = new CoreFixture()) {
            Instant now = Instant.parse("2026-12-07T02:00:00Z");
            long store = f.account("门店", null);
            long a = f.contacts.create(f.admin, CoreFixture.contact("本周", "13900000001", store)).id();
            long b = f.contacts.create(f.admin, CoreFixture.contact("上周", "13900000002", store)).id();
            long c = f.contacts.create(f.admin, CoreFixture.contact("三周前", "13900000003", null)).id();
            long d = f.contacts.create(f.admin, CoreFixture.contact("太早", "13900000004", store)).id();
            long e = f.contacts.create(f.admin, CoreFixture.contact("边界", "13900000005", store)).id();
            f.jpa.tx(em -> {
                em.find(Contact.class, a).createdAt = now.minus(Duration.ofHours(1));
                em.find(Contact.class, b).createdAt = now.minus(Duration.ofDays(8));
                em.find(Contact.class, c).createdAt = now.minus(Duration.ofDays(20));
                em.find(Contact.class, d).createdAt = now.minus(Duration.ofDays(29)); // before the four weeks
                em.find(Contact.class, e).createdAt = now.minus(Duration.ofDays(7)); // the start of the current week belongs to it
            });
            assertEquals(List.of(0L, 1L, 1L, 2L), f.contacts.createdPerWeek(f.admin, 4, now));
            assertEquals(List.of(2L), f.contacts.createdPerWeek(f.admin, 1, now));
            assertEquals(List.of(), f.contacts.createdPerWeek(f.admin, 0, now));

            CrmUser clerk = CoreFixture.partner("clerk", store, ContactService.READ);
            assertEquals(List.of(0L, 0L, 1L, 2L), f.contacts.createdPerWeek(clerk, 4, now), "the clerk's store only");
            assertEquals(List.of(0L, 0L, 0L, 0L), f.contacts.createdPerWeek(f.admin, 4, now.minus(Duration.ofDays(400))), "no rows: zeros, not nulls");
        }
    }
}
