package org.opencrm.platform.api.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.InvalidInputException;

/**
 * The CSV import loop of every module: the header mapped onto the module's columns (a bad header is a 400 before
 * anything is read), the rows walked with their line numbers, each row read by the module (a {@link CrmException} makes
 * it a {@link RowError} with its line, field, message and message key, and nothing of it is saved), the good rows
 * handed back to the module in chunks to save, and a {@link Report} of the counts and the first errors.
 *
 * <p>A module imports CSV in a few lines:
 *
 * <pre>{@code
 * CsvImport.Report r = CsvImport.of(Columns.of(COLUMNS).require("imei", "saleDate"))
 *         .run(reader, row -> parse(row), (chunk, errors) -> jpa.tx(Required, em -> chunk.forEach(a -> save(em, a.value()))));
 * }</pre>
 *
 * The core's contact import, which journals its chunks to resume and roll back, uses the parts: {@link #header},
 * {@link Rows} and {@link RowError}.
 */
public final class CsvImport {
    /** Errors listed in a report; all are counted. */
    public static final int DEFAULT_MAX_ERRORS = 1000;
    public static final int DEFAULT_CHUNK = 100;

    private final Columns columns;
    private final int chunkSize;
    private final int maxErrors;

    private CsvImport(Columns columns, int chunkSize, int maxErrors) {
        this.columns = columns;
        this.chunkSize = chunkSize;
        this.maxErrors = maxErrors;
    }

    public static CsvImport of(Columns columns) {
        return new CsvImport(columns, DEFAULT_CHUNK, DEFAULT_MAX_ERRORS);
    }

    /** Rows per call of the {@link ChunkWriter} (1: each row in a transaction of its own). */
    public CsvImport chunkSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a chunk has at least 1 row");
        }
        return new CsvImport(columns, rows, maxErrors);
    }

    public CsvImport maxErrors(int errors) {
        return new CsvImport(columns, chunkSize, errors);
    }

    // ---------------------------------------------------------------- header

    /**
     * The columns a module's CSV may have, which of them it needs, and an example header for the message of an empty
     * file. A column named twice or not known is refused.
     */
    public record Columns(List<String> known, List<String> required, List<List<String>> oneOf, String example) {
        public Columns {
            known = List.copyOf(known);
            required = List.copyOf(required);
            oneOf = List.copyOf(oneOf);
        }

        public static Columns of(List<String> known) {
            return new Columns(known, List.of(), List.of(), String.join(",", known));
        }

        /** Each of these columns must be there. */
        public Columns require(String... names) {
            List<String> r = new ArrayList<>(required);
            r.addAll(Arrays.asList(names));
            return new Columns(known, r, oneOf, example);
        }

        /** At least one of these columns must be there (e.g. a contact by id or by mobile). */
        public Columns requireOneOf(String... names) {
            List<List<String>> o = new ArrayList<>(oneOf);
            o.add(List.of(names));
            return new Columns(known, required, o, example);
        }

        /** The header shown as an example when the file is empty. */
        public Columns example(String header) {
            return new Columns(known, required, oneOf, header);
        }
    }

    /** The header row as read ({@link #names()}, e.g. for a checksum) and where each column is. */
    public record Header(List<String> names, Map<String, Integer> columns) {
        public Header {
            names = List.copyOf(names);
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    /**
     * Reads and checks the header row: a {@link InvalidInputException} (400) on field {@code body} for an empty or
     * unreadable file, on field {@code header} for an unknown, repeated or missing column.
     */
    public static Header header(Csv.Parser parser, Columns columns) {
        List<String> names;
        try {
            names = parser.next();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("body", "the CSV is empty; the first row must name the columns, e.g. " + columns.example());
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String h = names.get(i).strip();
            if (!columns.known().contains(h)) {
                throw new InvalidInputException("header", "unknown column '" + h + "'; known columns: " + String.join(",", columns.known()));
            }
            if (col.put(h, i) != null) {
                throw new InvalidInputException("header", "column '" + h + "' appears twice");
            }
        }
        for (String required : columns.required()) {
            if (!col.containsKey(required)) {
                throw new InvalidInputException("header", "the column '" + required + "' is required");
            }
        }
        for (List<String> any : columns.oneOf()) {
            if (any.stream().noneMatch(col::containsKey)) {
                throw new InvalidInputException("header", "a column " + String.join(" or ", any.stream().map(n -> "'" + n + "'").toList()) + " is required");
            }
        }
        return new Header(names, col);
    }

    // ---------------------------------------------------------------- rows

    /**
     * One record of the file with the line where it began. {@link #broken()} is the parser's message when the rest of
     * the file could not be read as a record (an unterminated quote); such a row has no fields and is the last.
     */
    public record Row(long line, List<String> fields, Header header, String broken) {
        public Row {
            fields = List.copyOf(fields);
        }

        /** The column's value, stripped; null when the column is absent or the cell blank. */
        public String get(String column) {
            Integer i = header.columns().get(column);
            if (i == null || i >= fields.size()) {
                return null;
            }
            String v = fields.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        /** The values of all columns of the header, by name ({@link #get}). */
        public Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            header.columns().keySet().forEach(c -> v.put(c, get(c)));
            return v;
        }
    }

    /** The rows after the header, one at a time (a large file never sits in memory); blank lines are skipped. */
    public static final class Rows {
        private final Csv.Parser parser;
        private final Header header;
        private boolean ended;

        public Rows(Csv.Parser parser, Header header) {
            this.parser = parser;
            this.header = header;
        }

        /** The next row, or null at the end (also after a {@link Row#broken()} one). */
        public Row next() {
            while (!ended) {
                List<String> fields;
                try {
                    fields = parser.next();
                } catch (IllegalArgumentException e) {
                    ended = true;
                    return new Row(parser.recordLine(), List.of(), header, e.getMessage());
                }
                if (fields == null) {
                    ended = true;
                } else if (!fields.isEmpty()) {
                    return new Row(parser.recordLine(), fields, header, null);
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- errors and the report

    /** A refused row: its line, the column at fault (or null), the reason in English and the rule's message key (or null). */
    public record RowError(long line, String field, String message, String messageKey) {
        public static RowError of(long line, CrmException e) {
            return new RowError(line, e.field(), e.getMessage(), e.messageKey());
        }
    }

    /** Where a {@link ChunkWriter} reports the rows it could not save. */
    @FunctionalInterface
    public interface Errors {
        void reject(RowError error);

        default void reject(long line, CrmException e) {
            reject(RowError.of(line, e));
        }
    }

    /** A row the module read and accepted, waiting in its chunk. */
    public record Accepted<T>(long line, T value) {
    }

    /** Reads one row into the module's value; a {@link CrmException} refuses the row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(Row row);
    }

    /**
     * Saves one chunk (typically in one transaction) and reports each row it refuses through {@code errors}; a
     * {@link CrmException} thrown out of it refuses every row of the chunk, any other exception ends the import.
     */
    @FunctionalInterface
    public interface ChunkWriter<T> {
        void write(List<Accepted<T>> chunk, Errors errors);
    }

    /** The counts of an import and its first errors, in line order. */
    public record Report(long total, long imported, long failed, List<RowError> errors) {
        public Report {
            errors = List.copyOf(errors);
        }
    }

    /** Runs the loop over {@code csv}: header, rows, chunks; see the class comment. */
    public <T> Report run(Reader csv, RowReader<T> reader, ChunkWriter<T> writer) {
        Csv.Parser parser = new Csv.Parser(csv);
        Rows rows = new Rows(parser, header(parser, columns));
        long[] counts = new long[3]; // total, imported, failed
        List<RowError> errors = new ArrayList<>();
        Errors sink = e -> {
            counts[2]++;
            if (errors.size() < maxErrors) {
                errors.add(e);
            }
        };
        List<Accepted<T>> chunk = new ArrayList<>();
        for (Row row = rows.next(); row != null; row = rows.next()) {
            counts[0]++;
            if (row.broken() != null) {
                sink.reject(new RowError(row.line(), null, row.broken(), null));
                break;
            }
            try {
                chunk.add(new Accepted<>(row.line(), reader.read(row)));
            } catch (CrmException e) {
                sink.reject(row.line(), e);
            }
            if (chunk.size() >= chunkSize) {
                counts[1] += write(chunk, writer, sink);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            counts[1] += write(chunk, writer, sink);
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Report(counts[0], counts[1], counts[2], errors);
    }

    /** The rows of the chunk saved: those not refused. */
    private static <T> long write(List<Accepted<T>> chunk, ChunkWriter<T> writer, Errors sink) {
        List<RowError> refused = new ArrayList<>();
        try {
            writer.write(Collections.unmodifiableList(chunk), refused::add);
        } catch (CrmException e) {
            // the whole chunk is refused, whatever the writer reported before it gave up
            for (Accepted<T> a : chunk) {
                sink.reject(a.line(), e);
            }
            return 0;
        }
        refused.forEach(sink::reject);
        return chunk.size() - Math.min(refused.size(), chunk.size());
    }
}
