package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class BundleTimelineTypesTest {
    private final BundleTimelineTypes types = new BundleTimelineTypes("demo", BundleTimelineTypesTest.class, "org.opencrm.ui.testdata.types") {
    };

    @Test
    void namesATypeInTheUsersLanguageAndNothingForAnUnknownOne() {
        assertEquals("demo", types.moduleId());
        assertEquals("Thing done", types.label("THING_DONE", Locale.ENGLISH));
        assertEquals("已完成", types.label("THING_DONE", Locale.SIMPLIFIED_CHINESE));
        assertNull(types.label("SOMETHING_ELSE", Locale.ENGLISH));
    }
}
