package org.opencrm.platform.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void parsesQuotedFieldsBomAndMixedLineEnds() {
        Csv.Parser p = new Csv.Parser(new StringReader("\uFEFFname,mobile\r\n\"Wang, Fang\",13800000000\n\"say \"\"hi\"\"\",\"a\nb\"\n"));
        assertEquals(List.of("name", "mobile"), p.next());
        assertEquals(List.of("Wang, Fang", "13800000000"), p.next());
        assertEquals(2, p.recordLine());
        assertEquals(List.of("say \"hi\"", "a\nb"), p.next());
        assertNull(p.next());
    }

    @Test
    void keepsEmptyTrailingFieldsAndBlankLines() {
        Csv.Parser p = new Csv.Parser(new StringReader("a,,\n\nb"));
        assertEquals(List.of("a", "", ""), p.next());
        assertEquals(List.of(), p.next());
        assertEquals(List.of("b"), p.next());
        assertNull(p.next());
    }

    @Test
    void rejectsUnterminatedQuote() {
        Csv.Parser p = new Csv.Parser(new StringReader("\"abc"));
        assertThrows(IllegalArgumentException.class, p::next);
    }

    @Test
    void writesEscapedLinesAndDefusesFormulas() {
        assertEquals("\"a,b\",\"x\"\"y\",,'=SUM(A1),-12\r\n", Csv.line("a,b", "x\"y", null, "=SUM(A1)", "-12"));
    }
}
