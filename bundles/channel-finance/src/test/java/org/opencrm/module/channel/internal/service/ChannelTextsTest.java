package org.opencrm.module.channel.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A stored text (key and arguments) is said in each reader's language, its amounts exact. */
class ChannelTextsTest {
    @Test
    void argumentsRoundTripAndAreSaidInTheReadersLanguage() {
        String args = ChannelTexts.encode(4, "INV-000123", 95, new BigDecimal("1234567.80"));
        assertArrayEquals(new Object[] { new BigDecimal("4"), "INV-000123", new BigDecimal("95"), new BigDecimal("1234567.80") }, ChannelTexts.decode(args));
        assertEquals("Payment reminder (level 4): invoice INV-000123 is 95 days overdue, ¥1,234,567.80 open",
                ChannelTexts.say(Locale.ENGLISH, ReceivablesService.REMINDER_KEY, args));
        assertEquals("催款提醒（第 4 级）：发票 INV-000123 已逾期 95 天，未收 ¥1,234,567.80", ChannelTexts.say(Locale.forLanguageTag("zh-TW"), ReceivablesService.REMINDER_KEY, args));
        assertEquals("Payment reminder (level 4): invoice INV-000123 is 95 days overdue, ¥1,234,567.80 open",
                ChannelTexts.say(Locale.FRENCH, ReceivablesService.REMINDER_KEY, args), "a language the CRM does not speak: English");
        // text arguments are kept as they are, a number-looking one too
        assertArrayEquals(new Object[] { "#2 华北代理", "", "$" }, ChannelTexts.decode(ChannelTexts.encode("#2 华北代理", "", "$")));
        assertArrayEquals(new Object[0], ChannelTexts.decode(null));
    }
}
