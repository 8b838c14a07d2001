package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.core.internal.dto.ActivityData;

/** The Activities badge: the user's own open activities due before the business date's today. */
class OverdueActivitiesTest {
    private final CoreFixture f = new CoreFixture();
    private final ActivityService activities = new ActivityService(f.jpa, f.audit, new TimelineServiceImpl(f.jpa), f.contacts, f.accounts, f.events);
    private final CrmUser agent = new CrmUser("agent", Set.of(), Set.of("core.*"), DataScope.HQ);
    private final CrmUser other = new CrmUser("other", Set.of(), Set.of("core.*"), DataScope.HQ);

    @AfterEach
    void close() {
        f.close();
    }

    private Long contact;

    private void activity(CrmUser owner, LocalDate due, String status) {
        if (contact == null) {
            contact = f.contacts.create(f.admin, CoreFixture.contact("回访客户", null, null)).id();
        }
        activities.create(owner, new ActivityData(null, "CALL", "回访 " + due, null, due, status, null, contact, null, null, null, null, null));
    }

    @Test
    void countsTheUsersOwnOpenActivitiesDueBeforeTheBusinessToday() {
        // 01:00 in Beijing on 6 December is still 5 December in UTC: the business today is the 6th
        BusinessClock clock = BusinessClock.of(Clock.fixed(Instant.parse("2026-12-05T17:00:00Z"), ZoneId.of("Asia/Shanghai")));
        LocalDate today = clock.today();
        assertEquals(LocalDate.of(2026, 12, 6), today);
        activity(agent, today.minusDays(1), null); // overdue
        activity(agent, today.minusDays(3), null); // overdue
        activity(agent, today, null); // due today: not yet
        activity(agent, null, null); // no due date
        activity(agent, today.minusDays(2), "DONE");
        activity(other, today.minusDays(1), null); // someone else's

        assertEquals(2, activities.overdueCount(agent, today));
        assertEquals(1, activities.overdueCount(other, today));
        assertEquals(3, activities.overdueCount(agent, today.plusDays(1)), "tomorrow today's is overdue too");
        assertEquals(0, activities.overdueCount(new CrmUser("agent", Set.of(), Set.of(), DataScope.HQ), today), "no badge without the right to read activities");
    }
}
