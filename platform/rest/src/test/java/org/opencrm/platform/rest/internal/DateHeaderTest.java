package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

class DateHeaderTest {
    @Test
    void formatsAnImfFixdateInGmtWithATwoDigitDay() {
        DateHeader.SecondCache cache = new DateHeader.SecondCache();
        long millis = ZonedDateTime.parse("2026-12-07T09:05:03+08:00").toInstant().toEpochMilli();
        assertEquals("Mon, 07 Dec 2026 01:05:03 GMT", cache.at(millis));
        // what HTTP clients parse it with
        assertEquals(millis, ZonedDateTime.parse(cache.at(millis), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
    }

    @Test
    void formatsOncePerSecond() {
        DateHeader.SecondCache cache = new DateHeader.SecondCache();
        String first = cache.at(1_000_000_000_100L);
        assertSame(first, cache.at(1_000_000_000_999L));
        assertEquals("Sun, 09 Sep 2001 01:46:41 GMT", cache.at(1_000_000_001_000L));
    }

    @Test
    void putsTheDateAmongTheProtocolHeadersUnlessOneIsThere() {
        DateHeader.AddDate add = new DateHeader.AddDate(new DateHeader.SecondCache());
        Message fresh = new MessageImpl();
        add.handleMessage(fresh);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) fresh.get(Message.PROTOCOL_HEADERS);
        assertEquals(1, headers.get("date").size(), "case-insensitive, as HTTP headers are");
        headers.get("Date").add("may be added to");

        Message withDate = new MessageImpl();
        Map<String, List<String>> own = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        own.put("date", List.of("Tue, 01 Dec 2026 00:00:00 GMT"));
        withDate.put(Message.PROTOCOL_HEADERS, own);
        add.handleMessage(withDate);
        assertEquals(List.of("Tue, 01 Dec 2026 00:00:00 GMT"), own.get("Date"));
    }
}
