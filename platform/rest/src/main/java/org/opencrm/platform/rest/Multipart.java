package org.opencrm.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PayloadTooLargeException;

/**
 * A multipart body (RFC 2046: {@code multipart/mixed}, {@code multipart/related}, ... with a {@code boundary}) read
 * into its parts, for endpoints that take files with fields (photos with the item they show). The whole body is read
 * with a limit first, so a body over it is refused (413) before anything is parsed or written. An endpoint may take
 * {@code multipart/form-data} too (what {@code curl -F} sends): the API's cross-site request filter lets it through
 * only with an {@code X-Requested-With} header or from the API's own origin, never from another site's HTML form;
 * the same body as {@code multipart/mixed} needs no header.
 *
 * @since 1.3
 */
public final class Multipart {
    /** Room for the parts' headers and boundaries on top of the files' limit. */
    public static final int OVERHEAD = 64 * 1024;

    /** One part: its {@code name} and {@code filename} from Content-Disposition (null when absent), its type and bytes. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final List<Part> parts;

    private Multipart(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    /** The first part of that name. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    /** The text of the first part of that name, null when there is none or it is blank. */
    public String text(String name) {
        return part(name).map(Part::text).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /**
     * Reads the body. {@code maxBytes}: the largest file (part) accepted; the body may be {@link #OVERHEAD} larger.
     *
     * @throws InvalidInputException (400, key {@code multipart}) when the type has no boundary or the body is not multipart
     * @throws PayloadTooLargeException (413) when the body or a part is larger than allowed
     */
    public static Multipart read(String contentType, InputStream body, long maxBytes) {
        String boundary = boundary(contentType);
        byte[] all = readLimited(body, maxBytes + OVERHEAD, maxBytes);
        List<Part> parts = parse(all, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        for (Part p : parts) {
            if (p.content().length > maxBytes) {
                throw new PayloadTooLargeException(p.name() == null ? "file" : p.name(), maxBytes, "part");
            }
        }
        return new Multipart(parts);
    }

    static String boundary(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            for (String param : contentType.split(";")) {
                String p = param.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                    String b = p.substring("boundary=".length()).strip();
                    if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
                        b = b.substring(1, b.length() - 1);
                    }
                    if (!b.isEmpty() && b.length() <= 70) {
                        return b;
                    }
                }
            }
        }
        throw new InvalidInputException("body", "expected a multipart body with a boundary, got " + contentType, "multipart");
    }

    private static byte[] readLimited(InputStream in, long limit, long reported) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buf)) != -1;) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLargeException("file", reported, "request body");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Part> parse(byte[] b, byte[] delimiter) {
        List<Part> parts = new ArrayList<>();
        int at = indexOf(b, delimiter, 0);
        if (at < 0) {
            throw bad();
        }
        int pos = at + delimiter.length;
        while (true) {
            if (pos + 1 < b.length && b[pos] == '-' && b[pos + 1] == '-') {
                return parts; // the closing delimiter
            }
            pos = skipLine(b, pos);
            int headersEnd = indexOf(b, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            int contentStart;
            String headers;
            if (headersEnd == pos - 2 || (pos + 1 < b.length && b[pos] == '\r' && b[pos + 1] == '\n')) {
                headers = "";
                contentStart = pos + 2;
            } else {
                if (headersEnd < 0) {
                    throw bad();
                }
                headers = new String(b, pos, headersEnd - pos, StandardCharsets.UTF_8);
                contentStart = headersEnd + 4;
            }
            byte[] next = new byte[delimiter.length + 2];
            next[0] = '\r';
            next[1] = '\n';
            System.arraycopy(delimiter, 0, next, 2, delimiter.length);
            int end = indexOf(b, next, contentStart);
            if (end < 0) {
                throw bad();
            }
            byte[] content = java.util.Arrays.copyOfRange(b, contentStart, end);
            String name = null;
            String fileName = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (key.equals("content-type")) {
                    type = value;
                } else if (key.equals("content-disposition")) {
                    name = param(value, "name");
                    fileName = param(value, "filename");
                }
            }
            parts.add(new Part(name, fileName, type, content));
            pos = end + next.length;
        }
    }

    private static String param(String header, String key) {
        for (String p : header.split(";")) {
            String s = p.strip();
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String v = s.substring(eq + 1).strip();
                return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int skipLine(byte[] b, int pos) {
        int i = pos;
        while (i + 1 < b.length && !(b[i] == '\r' && b[i + 1] == '\n')) {
            i++;
        }
        if (i + 1 >= b.length) {
            throw bad();
        }
        return i + 2;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer: for (int i = Math.max(0, from); i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static InvalidInputException bad() {
        return new InvalidInputException("body", "the multipart body is damaged", "multipart");
    }
}
