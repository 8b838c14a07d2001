package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.activity.ActivityRecorder.NewActivity;
import org.opencrm.platform.api.activity.ActivityRecorder.Wording;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.core.internal.dto.ActivityData;

/** An activity a module records with its subject as the module's text: kept as key and values until a user types other words. */
class ActivityWordingTest {
    private final CoreFixture f = new CoreFixture();
    private final TimelineServiceImpl timeline = new TimelineServiceImpl(f.jpa);
    private final ActivityService activities = new ActivityService(f.jpa, f.audit, timeline, f.contacts, f.accounts, f.events);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theModulesTextIsKeptOnTheActivityAndItsTimelineEntryUntilAUserTypesOtherWords() {
        activities.addTexts(new ReminderTexts());
        long account = f.account("华北代理", null);
        long id = activities.record("system", new NewActivity("channel", "TASK", "Payment reminder (level 2): invoice INV-1", null, LocalDate.of(2026, 12, 7),
                "manager", account, null), Wording.subject("collection.reminder.activity", 2, "INV-1", null), false);
        ActivityData a = activities.get(f.admin, id);
        assertEquals("Payment reminder (level 2): invoice INV-1", a.subject(), "the English words, as searched");
        assertEquals("channel", a.moduleId());
        assertEquals("collection.reminder.activity", a.subjectKey());
        assertEquals(List.of("2", "INV-1", ""), a.subjectArgs(), "values as text, a null as empty");
        TimelineEntry entry = timeline.forAccount(account, 0, 10).items().get(0);
        assertEquals("collection.reminder.activity", entry.titleKey());
        assertEquals(List.of("2", "INV-1", ""), entry.titleArgs());
        assertEquals("channel", entry.moduleId());
        // found by its English and by its Chinese words
        assertEquals(List.of(id), activities.list(f.admin, PageRequest.of("payment rem", 0, 10), null, account, null, null).items().stream().map(ActivityData::id).toList());
        assertEquals(List.of(id), activities.list(f.admin, PageRequest.of("催款提醒", 0, 10), null, account, null, null).items().stream().map(ActivityData::id).toList());
        assertEquals(0, activities.list(f.admin, PageRequest.of("发票", 0, 10), null, account, null, null).total(), "a prefix search");

        // marked done with the same subject: the text stays, and the entry for it is said the same way
        ActivityData done = activities.update(f.admin, id, new ActivityData(a.id(), a.type(), a.subject(), null, a.dueDate(), "DONE", a.owner(), null,
                account, null, null, null, a.version()));
        assertEquals("collection.reminder.activity", done.subjectKey());
        TimelineEntry doneEntry = timeline.forAccount(account, 0, 10).items().stream().filter(e -> e.type().equals("ACTIVITY_DONE")).findFirst().orElseThrow();
        assertEquals("collection.reminder.activity", doneEntry.titleKey());
        assertEquals("channel", doneEntry.moduleId(), "said by the module that words it");

        // typed words replace the text
        ActivityData typed = activities.update(f.admin, id, new ActivityData(a.id(), a.type(), "已电话催款", null, a.dueDate(), "DONE", a.owner(), null,
                account, null, null, null, done.version()));
        assertEquals("已电话催款", typed.subject());
        assertNull(typed.subjectKey());
        assertEquals(List.of(), typed.subjectArgs());
        assertEquals("channel", typed.moduleId(), "still recorded by the module");
        assertEquals(0, activities.list(f.admin, PageRequest.of("催款提醒", 0, 10), null, account, null, null).total(), "the module's words are gone");
    }

    @Test
    void anActivityWithoutWordingAndABadKeyAreAsBefore() {
        long account = f.account("门店", null);
        long plain = activities.record("system", new NewActivity("channel", "TASK", "Plain words", null, null, null, account, null), false);
        assertNull(activities.get(f.admin, plain).subjectKey());
        assertEquals(1, timeline.forAccount(account, 0, 10).items().size());
        assertNull(timeline.forAccount(account, 0, 10).items().get(0).titleKey());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> activities.record("system", new NewActivity("channel", "TASK",
                "Words", null, null, null, account, null), Wording.subject("k", "x".repeat(1001)), false));
        assertEquals("subjectArgs", tooLong.field());
        assertEquals(1, timeline.forAccount(account, 0, 10).items().size(), "nothing written");
    }
}
