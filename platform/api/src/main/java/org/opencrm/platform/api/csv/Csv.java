package org.opencrm.platform.api.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for imports and exports of every module: quoted fields, embedded commas, quotes and line
 * breaks, a UTF-8 byte-order mark (Excel writes one) and both CRLF and LF.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads records one at a time, so a large import never sits in memory whole. */
    public static final class Parser {
        private final Reader in;
        private int pending = -2;
        private long line = 1;
        private boolean first = true;

        public Parser(Reader in) {
            this.in = in;
        }

        /** The line number (1-based) where the record returned last began. */
        private long recordLine;

        public long recordLine() {
            return recordLine;
        }

        /*
         * Read in blocks: callers hand in an InputStreamReader over the request body, whose read() of one char costs a
         * decoder call (a profiled contact import spent a tenth of its CPU there).
         */
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            int c = nextChar();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = nextChar();
                }
            }
            return c;
        }

        private int nextChar() throws IOException {
            if (position == limit) {
                int n;
                int empty = 0;
                do {
                    n = in.read(buffer, 0, buffer.length);
                    // a Reader may not return 0 for a non-empty buffer; one that keeps doing so is broken, not slow
                    if (n == 0 && ++empty == 1000) {
                        throw new IOException("the reader returned no characters 1,000 times in a row");
                    }
                } while (n == 0);
                if (n < 0) {
                    return -1;
                }
                position = 0;
                limit = n;
            }
            return buffer[position++];
        }

        /** The next record, or null at the end. A blank line yields an empty list. */
        public List<String> next() {
            try {
                int c = read();
                if (c == -1) {
                    return null;
                }
                recordLine = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean fieldStarted = false;
                while (true) {
                    if (quoted) {
                        if (c == -1) {
                            throw new IllegalArgumentException("line " + recordLine + ": unterminated quoted field");
                        }
                        if (c == '"') {
                            int n = read();
                            if (n == '"') {
                                field.append('"');
                            } else {
                                quoted = false;
                                pending = n;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append((char) c);
                        }
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        fieldStarted = true;
                    } else if (c == '"' && field.length() == 0) {
                        quoted = true;
                        fieldStarted = true;
                    } else if (c == '\r' || c == '\n' || c == -1) {
                        if (c == '\r') {
                            int n = read();
                            if (n != '\n') {
                                pending = n;
                            }
                        }
                        if (c != -1) {
                            line++;
                        }
                        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                            fields.add(field.toString());
                        }
                        return fields;
                    } else {
                        field.append((char) c);
                        fieldStarted = true;
                    }
                    c = read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A CSV download being written: UTF-8 with a byte-order mark first (Excel and WPS need it to read Chinese), one
     * {@link Csv#line} per {@link #row}, buffered; call {@link #flush()} after each batch of rows read from the
     * database so that a long export streams to the client instead of sitting in memory. Closing flushes and closes
     * the stream. (Since 1.3.)
     */
    public static final class Writer implements java.io.Flushable, java.io.Closeable {
        private final java.io.Writer out;

        public Writer(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write("\uFEFF");
        }

        /** Writes one row (values as in {@link Csv#line}). */
        public Writer row(Object... values) {
            write(line(values));
            return this;
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One CSV line (with CRLF) for the values; null is written as an empty field. */
    public static String line(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(values[i] == null ? "" : values[i].toString()));
        }
        return sb.append("\r\n").toString();
    }

    /**
     * Quotes when needed, and defuses spreadsheet formulas (a cell starting with = + - @ is prefixed with ')
     * so an exported list cannot run code when opened in Excel or WPS.
     */
    public static String escape(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String v) {
        return v.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
