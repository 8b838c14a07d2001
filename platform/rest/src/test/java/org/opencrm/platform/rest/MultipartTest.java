package org.opencrm.platform.rest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PayloadTooLargeException;

class MultipartTest {
    private static final String TYPE = "multipart/mixed; boundary=\"xYz\"";

    private static ByteArrayInputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsFieldsAndFiles() {
        byte[] binary = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, (byte) 0xFF };
        String file = new String(binary, StandardCharsets.ISO_8859_1);
        Multipart m = Multipart.read(TYPE, body("preamble\r\n--xYz\r\nContent-Disposition: form-data; name=\"itemId\"\r\n\r\n42\r\n"
                + "--xYz\r\nContent-Disposition: attachment; name=\"file\"; filename=\"门头.png\"\r\nContent-Type: image/png\r\n\r\n" + file
                + "\r\n--xYz--\r\n"), 100);
        assertEquals("42", m.text("itemId"));
        Multipart.Part p = m.part("file").orElseThrow();
        assertArrayEquals(binary, p.content());
        assertEquals("image/png", p.contentType());
        assertEquals(2, m.parts().size());
        assertNull(m.text("missing"));
    }

    @Test
    void refusesWhatIsNotMultipartOrTooLarge() {
        assertEquals("multipart", assertThrows(InvalidInputException.class, () -> Multipart.read("image/png", body("x"), 10)).messageKey());
        assertThrows(InvalidInputException.class, () -> Multipart.read(TYPE, body("no delimiter"), 10));
        assertThrows(InvalidInputException.class, () -> Multipart.read(TYPE, body("--xYz\r\n\r\nunterminated"), 10));
        assertThrows(PayloadTooLargeException.class, () -> Multipart.read(TYPE, body("--xYz\r\n\r\n" + "a".repeat(11) + "\r\n--xYz--"), 10));
    }
}
