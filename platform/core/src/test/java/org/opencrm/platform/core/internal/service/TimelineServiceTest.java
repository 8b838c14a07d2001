package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.timeline.TimelineEntry;

class TimelineServiceTest {
    @Test
    void aTitleKeyAndItsValuesAreKeptBesideTheEnglishTitle() {
        try (CoreFixture f = new CoreFixture()) {
            TimelineServiceImpl timeline = new TimelineServiceImpl(f.jpa);
            long contact = f.contacts.create(f.admin, CoreFixture.contact("张三", "13800000001", null)).id();
            timeline.record(TimelineEntry.of(contact, null, "handsets", "HANDSET_SOLD", "Handset bought: Mate X", null, "clerk", "handset", "1")
                    .withTitleKey("timeline.title.sold", "Mate X", null, "@tier.GOLD", ""));
            timeline.record(TimelineEntry.of(contact, null, "notes", "NOTE", "一条备注", null, "clerk", null, null));

            List<TimelineEntry> read = timeline.forContact(contact, 0, 10).items();
            TimelineEntry note = read.get(0);
            TimelineEntry sold = read.get(1);
            assertEquals("Handset bought: Mate X", sold.title());
            assertEquals("timeline.title.sold", sold.titleKey());
            // a null value is kept as empty, empty values at the end too
            assertEquals(List.of("Mate X", "", "@tier.GOLD", ""), sold.titleArgs());
            // an entry of the 1.0 form: no key, no values
            assertEquals("一条备注", note.title());
            assertNull(note.titleKey());
            assertEquals(List.of(), note.titleArgs());
        }
    }

    @Test
    void anOverlongTitleKeyIsRefusedAndNothingIsWritten() {
        try (CoreFixture f = new CoreFixture()) {
            TimelineServiceImpl timeline = new TimelineServiceImpl(f.jpa);
            long contact = f.contacts.create(f.admin, CoreFixture.contact("李四", "13800000002", null)).id();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> timeline.record(TimelineEntry.of(contact, null, "m", "T", "t", null,
                    "clerk", null, null).withTitleKey("k".repeat(101))));
            assertEquals("titleKey", e.field());
            assertEquals(0, timeline.forContact(contact, 0, 10).total());
        }
    }
}
