package org.opencrm.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void mobileIsNormalisedAndChecked() {
        assertEquals("13800138000", Validation.mobile("mobile", "+86 138-0013-8000"));
        assertEquals("19912345678", Validation.mobile("mobile", "0086 199 1234 5678"));
        assertNull(Validation.mobile("mobile", "  "));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Validation.mobile("mobile", "12800138000"));
        assertEquals("mobile", e.field());
        assertEquals("mobile", e.messageKey(), "the rule is named for translation");
        assertEquals("12800138000", e.messageArgs()[0]);
        assertThrows(InvalidInputException.class, () -> Validation.mobile("mobile", "1380013800"));
    }

    @Test
    void requiredAndLengthNameTheField() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> Validation.required("name", " ", 10));
        assertEquals("name", missing.field());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> Validation.required("name", "x".repeat(11), 10));
        assertTrue(tooLong.getMessage().contains("10"));
        assertEquals("王芳", Validation.required("name", "  王芳 ", 10));
    }

    @Test
    void emailAndPhone() {
        assertEquals("a@b.cn", Validation.email("email", "a@b.cn"));
        assertThrows(InvalidInputException.class, () -> Validation.email("email", "a@b"));
        assertEquals("0571-88886666", Validation.phone("phone", "0571-88886666"));
        assertThrows(InvalidInputException.class, () -> Validation.phone("phone", "call me"));
    }
}
