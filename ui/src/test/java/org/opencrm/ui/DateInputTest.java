package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateInputTest {
    @Test
    void takesTheFormsStaffType() {
        LocalDate day = LocalDate.of(2024, 5, 3);
        assertEquals(day, DateInput.parse("2024-05-03"));
        assertEquals(day, DateInput.parse("2024/5/3"));
        assertEquals(day, DateInput.parse(" 2024.5.3 "));
        assertEquals(day, DateInput.parse("2024-5-3"));
        assertEquals(day, DateInput.parse("2024年5月3日"));
        assertEquals(day, DateInput.parse("2024年05月03号"));
    }

    @Test
    void refusesWhatIsNoDay() {
        assertNull(DateInput.parse("2024/2/30"));
        assertNull(DateInput.parse("3/5/2024"));
        assertNull(DateInput.parse("五月三日"));
        assertNull(DateInput.parse(""));
        assertNull(DateInput.parse(null));
    }
}
