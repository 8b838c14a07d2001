package org.opencrm.platform.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void aReaderThatNeverReturnsCharactersIsAnErrorNotAnEndlessLoop() {
        java.io.Reader stuck = new java.io.Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                return 0; // breaks Reader's contract (it must block or return at least one char)
            }

            @Override
            public void close() {
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> new Csv.Parser(stuck).next());
    }

    @Test
    void parsesQuotedFieldsBomAndMixedLineEnds() {
        Csv.Parser p = new Csv.Parser(new StringReader("\uFEFFname,mobile\r\n\"Wang, Fang\",13800000000\n\"say \"\"hi\"\"\",\"a\nb\"\n"));
        assertEquals(List.of("name", "mobile"), p.next());
        assertEquals(List.of("Wang, Fang", "13800000000"), p.next());
        assertEquals(2, p.recordLine());
        assertEquals(List.of("say \"hi\"", "a\nb"), p.next());
        assertNull(p.next());
    }

    /** Records and quoted fields across the parser's read blocks, from a reader that hands out a few chars at a time. */
    @Test
    void readsAcrossBlocksFromAReaderThatReturnsLittleAtATime() {
        String longField = "长".repeat(20_000) + "\"\"," + "x".repeat(9_000);
        StringBuilder csv = new StringBuilder("\uFEFFname,note\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("王").append(i).append(",n").append(i).append('\n');
        }
        csv.append("last,\"").append(longField).append("\"\n");
        java.io.Reader trickle = new java.io.FilterReader(new StringReader(csv.toString())) {
            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                return super.read(buf, off, Math.min(len, 7));
            }
        };
        Csv.Parser p = new Csv.Parser(trickle);
        assertEquals(List.of("name", "note"), p.next());
        for (int i = 0; i < 3_000; i++) {
            assertEquals(List.of("王" + i, "n" + i), p.next());
        }
        assertEquals(List.of("last", "长".repeat(20_000) + "\",x" + "x".repeat(8_999)), p.next());
        assertEquals(3_002, p.recordLine());
        assertNull(p.next());
    }

    @Test
    void writesUtf8WithABomThatTheParserReadsBack() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (Csv.Writer w = new Csv.Writer(bytes)) {
            w.row("门店", "得分").row("王府井店, 北京", new java.math.BigDecimal("92.50")).row("=cmd", null);
        }
        byte[] b = bytes.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
        String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\uFEFF门店,得分\r\n\"王府井店, 北京\",92.50\r\n'=cmd,\r\n", text);
        Csv.Parser p = new Csv.Parser(new StringReader(text));
        assertEquals(List.of("门店", "得分"), p.next());
        assertEquals(List.of("王府井店, 北京", "92.50"), p.next());
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
