package org.opencrm.platform.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.service.ReminderTexts;

/** A module's activity subject over REST: said in the caller's language, and sent back as read it keeps the module's text. */
class TimelineWordingTest {
    private static final TimelineTypes CHANNEL = new ReminderTexts();

    private static ActivityData stored(String moduleId, String key) {
        return new ActivityData(1L, "TASK", "Payment reminder (level 2): invoice INV-1", null, null, "OPEN", "manager", null, 9L, null, null, null, 3L, moduleId, key,
                List.of("2", "INV-1"));
    }

    @Test
    void aModulesSubjectIsSaidInTheCallersLanguageElseAsStored() {
        TimelineWording wording = new TimelineWording(List.of(CHANNEL));
        assertEquals("催款提醒（第 2 级）：发票 INV-1", wording.said(stored("channel", ReminderTexts.KEY), Locale.SIMPLIFIED_CHINESE).subject());
        assertEquals("Payment reminder (level 2): invoice INV-1", wording.said(stored("channel", ReminderTexts.KEY), Locale.ENGLISH).subject());
        assertEquals("Payment reminder (level 2): invoice INV-1", wording.said(stored("channel", "gone"), Locale.SIMPLIFIED_CHINESE).subject(),
                "a text the module no longer has: the stored words");
        assertEquals("Payment reminder (level 2): invoice INV-1", new TimelineWording(List.of()).said(stored("channel", ReminderTexts.KEY), Locale.SIMPLIFIED_CHINESE).subject(),
                "the module removed: the stored words");
        ActivityData plain = stored(null, null);
        assertEquals(plain, wording.said(plain, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aSubjectSentBackAsItWasReadKeepsTheText() {
        TimelineWording wording = new TimelineWording(List.of(CHANNEL));
        ActivityData stored = stored("channel", ReminderTexts.KEY);
        ActivityData readInChinese = wording.said(stored, Locale.SIMPLIFIED_CHINESE);
        assertEquals(stored.subject(), wording.unsaid(readInChinese, stored, Locale.SIMPLIFIED_CHINESE).subject(), "unchanged: the stored words go back");
        ActivityData typed = readInChinese.withSubject("已电话催款");
        assertEquals("已电话催款", wording.unsaid(typed, stored, Locale.SIMPLIFIED_CHINESE).subject(), "typed words stay typed words");
        assertNull(wording.unsaid(null, stored, Locale.ENGLISH));
    }
}
