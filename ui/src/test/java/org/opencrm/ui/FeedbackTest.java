package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;

/** Refusals are said in the user's language: the platform's, a record type's name, a module's own, and a bad value. */
class FeedbackTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void platformRefusalsInChinese() {
        assertEquals("账户 1234 不存在。", Feedback.describe(new InvalidInputException("accountId", "account 1234 does not exist", "noSuchAccount", 1234L), ZH));
        assertEquals("您没有执行此操作的权限（需要权限 core.contact.write）。", Feedback.describe(new AccessDeniedException("core.contact.write"), ZH));
        assertEquals("未找到联系人 12：可能已被删除，或不在您的数据范围内。", Feedback.describe(new RecordNotFoundException("contact", 12L), ZH));
        assertEquals("门店 12 不在您的数据范围内。",
                Feedback.describe(new ScopeDeniedException("store 12 is outside your data scope", "membership.storeOutsideScope", 12L), ZH,
                        Messages.of(FeedbackTest.class, "org.opencrm.ui.feedbacktest", ZH)));
    }

    @Test
    void aRecordTypeTheShellDoesNotNameStaysAsWritten() {
        assertEquals("未找到widget 7：可能已被删除，或不在您的数据范围内。", Feedback.describe(new RecordNotFoundException("widget", 7), ZH));
    }

    @Test
    void aValueThatDoesNotFitTheTextFallsBackToTheServicesWords() {
        // {1,number,#} given a text: the English message rather than a crash
        ConflictException odd = new ConflictException("in_use", null, "account x is in use", "account.inUse", "x", "y", "z");
        assertEquals("account x is in use", Feedback.describe(odd, ZH));
    }
}
