package org.opencrm.platform.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.csv.CsvImport.Accepted;
import org.opencrm.platform.api.csv.CsvImport.Columns;
import org.opencrm.platform.api.csv.CsvImport.RowError;

/** The shared import loop: header, rows with their lines, per-row errors, chunks. */
class CsvImportTest {
    private static final Columns COLUMNS = Columns.of(List.of("code", "name", "mobile", "contactId")).require("code").requireOneOf("mobile", "contactId")
            .example("code,name,mobile");

    private final List<List<Long>> chunks = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();

    /** A row is its code; "BAD" is refused while reading, "TAKEN" while saving. */
    private CsvImport.Report run(CsvImport imp, String csv) {
        return imp.run(new StringReader(csv), row -> {
            if ("BAD".equals(row.get("code"))) {
                throw new InvalidInputException("code", "code BAD is not allowed", "badCode", "BAD");
            }
            return row.get("code");
        }, (chunk, errors) -> {
            chunks.add(chunk.stream().map(Accepted::line).toList());
            for (Accepted<String> a : chunk) {
                if ("TAKEN".equals(a.value())) {
                    errors.reject(a.line(), new ConflictException("duplicate", "code", "code TAKEN exists"));
                } else {
                    saved.add(a.value());
                }
            }
        });
    }

    private static InvalidInputException badHeader(String csv) {
        return assertThrows(InvalidInputException.class, () -> CsvImport.of(COLUMNS).run(new StringReader(csv), r -> r, (c, e) -> { }));
    }

    @Test
    void aBadHeaderIsRefusedBeforeAnyRow() {
        assertEquals("body", badHeader("").field());
        assertTrue(badHeader("\n").getMessage().contains("e.g. code,name,mobile"));
        assertEquals("header", badHeader("code,colour\nA,red\n").field());
        assertTrue(badHeader("code,colour\n").getMessage().contains("unknown column 'colour'"));
        assertTrue(badHeader("code,mobile,code\n").getMessage().contains("appears twice"));
        assertTrue(badHeader("name,mobile\n").getMessage().contains("the column 'code' is required"));
        assertTrue(badHeader("code,name\n").getMessage().contains("'mobile' or 'contactId'"));
        assertEquals("body", badHeader("\"code,mobile\n").field(), "an unreadable header");
    }

    @Test
    void rowsComeWithTheirLinesAndStrippedValues() {
        Csv.Parser parser = new Csv.Parser(new StringReader("\uFEFFcode, mobile ,name\nA, 138 ,\n\n\"B\",139,\"two\nlines\"\nC\n"));
        CsvImport.Header header = CsvImport.header(parser, COLUMNS);
        assertEquals(List.of("code", " mobile ", "name"), header.names(), "as read, for a checksum");
        assertEquals(Map.of("code", 0, "mobile", 1, "name", 2), header.columns());
        CsvImport.Rows rows = new CsvImport.Rows(parser, header);
        CsvImport.Row a = rows.next();
        assertEquals(2, a.line());
        assertEquals("138", a.get("mobile"));
        assertNull(a.get("name"), "blank is null");
        assertNull(a.get("contactId"), "absent is null");
        CsvImport.Row b = rows.next();
        assertEquals(4, b.line(), "the blank line 3 is skipped");
        assertEquals("two\nlines", b.get("name"));
        CsvImport.Row c = rows.next();
        assertEquals(6, c.line(), "after a quoted line break");
        assertNull(c.get("mobile"), "a short row");
        assertEquals(3, c.values().size());
        assertNull(rows.next());
        assertNull(rows.next());
    }

    @Test
    void badRowsAreReportedWithLineFieldAndKeyAndTheGoodOnesSaved() {
        CsvImport.Report r = run(CsvImport.of(COLUMNS), "code,mobile\nA,1\nBAD,2\nTAKEN,3\nD,4\n");
        assertEquals(4, r.total());
        assertEquals(2, r.imported());
        assertEquals(2, r.failed());
        assertEquals(List.of("A", "D"), saved);
        assertEquals(List.of(new RowError(3, "code", "code BAD is not allowed", "badCode"), new RowError(4, "code", "code TAKEN exists", null)),
                r.errors());
    }

    @Test
    void goodRowsGoToTheModuleInChunks() {
        StringBuilder csv = new StringBuilder("code,mobile\n");
        for (int i = 0; i < 7; i++) {
            csv.append(i == 3 ? "BAD" : "R" + i).append(",1\n");
        }
        CsvImport.Report r = run(CsvImport.of(COLUMNS).chunkSize(3), csv.toString());
        assertEquals(List.of(List.of(2L, 3L, 4L), List.of(6L, 7L, 8L)), chunks, "a refused row takes no place in a chunk");
        assertEquals(7, r.total());
        assertEquals(6, r.imported());
    }

    @Test
    void aChunkRefusedAsAWholeFailsEachOfItsRows() {
        CsvImport.Report r = CsvImport.of(COLUMNS).chunkSize(2).run(new StringReader("code,mobile\nA,1\nB,2\nC,3\n"), row -> row.get("code"),
                (chunk, errors) -> {
                    errors.reject(chunk.get(0).line(), new InvalidInputException("code", "first"));
                    if (chunk.size() == 2) {
                        throw new ConflictException("busy", "code", "the chunk lost");
                    }
                });
        assertEquals(3, r.total());
        assertEquals(0, r.imported());
        assertEquals(3, r.failed(), "each row once, not the reports of the chunk that gave up");
        assertEquals(List.of(2L, 3L, 4L), r.errors().stream().map(RowError::line).toList());
        assertEquals(List.of("the chunk lost", "the chunk lost", "first"), r.errors().stream().map(RowError::message).toList());
    }

    @Test
    void anUnterminatedQuoteEndsTheFileAsOneFailedRow() {
        CsvImport.Report r = run(CsvImport.of(COLUMNS), "code,mobile\nA,1\n\"B,2\nC,3\n");
        assertEquals(2, r.total());
        assertEquals(1, r.imported());
        assertEquals(1, r.failed());
        RowError e = r.errors().get(0);
        assertEquals(3, e.line());
        assertNull(e.field());
        assertTrue(e.message().contains("unterminated"), e.message());
    }

    @Test
    void everyErrorIsCountedTheFirstOnesListed() {
        CsvImport.Report r = run(CsvImport.of(COLUMNS).maxErrors(2), "code,mobile\nBAD,1\nBAD,2\nBAD,3\n");
        assertEquals(3, r.failed());
        assertEquals(List.of(2L, 3L), r.errors().stream().map(RowError::line).toList());
    }
}
