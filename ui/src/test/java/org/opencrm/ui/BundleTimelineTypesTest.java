package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.ui.TimelineTypes;

class BundleTimelineTypesTest {
    private static final TimelineTypes TEXTS = new BundleTimelineTypes("handsets", BundleTimelineTypesTest.class,
            "org.opencrm.ui.timelinetest.messages") {
    };

    private static TimelineEntry entry(String module, String title) {
        return new TimelineEntry(1L, 2L, null, module, "SOLD", title, null, Instant.EPOCH, "clerk", null, null);
    }

    @Test
    void aTitleRecordedWithAKeyIsSaidInTheReadersLanguage() {
        TimelineEntry sold = entry("handsets", "Handset bought: Mate X").withTitleKey("timeline.title.sold", "Mate X");
        assertEquals("购机：Mate X", TimelineTypes.titleOf(sold, List.of(TEXTS), Locale.SIMPLIFIED_CHINESE));
        assertEquals("Handset bought: Mate X", TimelineTypes.titleOf(sold, List.of(TEXTS), Locale.ENGLISH));
        assertEquals(List.of("Mate X"), sold.titleArgs());
    }

    @Test
    void aValueStartingWithAtIsItselfATextOfTheModuleElseShownWithoutTheAt() {
        TimelineEntry tier = entry("handsets", "Tier GOLD → VIP").withTitleKey("timeline.title.tier", "@tier.GOLD", "@tier.VIP");
        assertEquals("等级 金卡 → tier.VIP", TimelineTypes.titleOf(tier, List.of(TEXTS), Locale.SIMPLIFIED_CHINESE));
        assertEquals("Tier Gold → tier.VIP", TimelineTypes.titleOf(tier, List.of(TEXTS), Locale.ENGLISH));
    }

    @Test
    void withoutTheModulesTextsOrAKeyTheStoredTitleIsShown() {
        TimelineEntry sold = entry("handsets", "Handset bought: Mate X").withTitleKey("timeline.title.sold", "Mate X");
        // the module was removed: no texts of it are registered
        assertEquals("Handset bought: Mate X", TimelineTypes.titleOf(sold, List.of(), Locale.SIMPLIFIED_CHINESE));
        // another module's texts do not speak for it
        assertEquals("Handset bought: Mate X", TimelineTypes.titleOf(entry("repairs", "Handset bought: Mate X")
                .withTitleKey("timeline.title.sold", "Mate X"), List.of(TEXTS), Locale.SIMPLIFIED_CHINESE));
        // an unknown key, or no key (the 1.0 form)
        assertEquals("old", TimelineTypes.titleOf(entry("handsets", "old").withTitleKey("timeline.title.gone"), List.of(TEXTS), Locale.SIMPLIFIED_CHINESE));
        assertEquals("old", TimelineTypes.titleOf(entry("handsets", "old"), List.of(TEXTS), Locale.SIMPLIFIED_CHINESE));
        assertNull(TEXTS.title("timeline.title.gone", List.of(), Locale.ENGLISH));
    }
}
