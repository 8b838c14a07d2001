package org.opencrm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The UI's Content-Security-Policy lets the upload forms work and nothing more. */
class UiSecurityHeadersTest {
    @Test
    void theOnlyJavascriptUrlAllowedIsGwtsEmptyUploadFrame() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest("javascript:''".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("'sha256-" + hash + "'", UiSecurityHeaders.UPLOAD_FRAME_URL_HASH);
        assertTrue(UiSecurityHeaders.DEFAULT_POLICY.contains("'unsafe-hashes' " + UiSecurityHeaders.UPLOAD_FRAME_URL_HASH));
    }

    @Test
    void onlyAnUploadsAnswerMayBeFramedAndOnlyByTheUiItself() {
        Map<String, String> page = headers(false);
        assertTrue(page.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", page.get("X-Frame-Options"));
        Map<String, String> upload = headers(true);
        assertTrue(upload.get("Content-Security-Policy").contains("frame-ancestors 'self'"));
        assertFalse(upload.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("SAMEORIGIN", upload.get("X-Frame-Options"));
        assertTrue(UiSecurityHeaders.isUpload("/APP/UPLOAD/0/12/action/9f3c"));
        assertFalse(UiSecurityHeaders.isUpload("/"));
        assertFalse(UiSecurityHeaders.isUpload(null));
    }

    private static Map<String, String> headers(boolean upload) {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("setHeader")) {
                        headers.put((String) a[0], (String) a[1]);
                    }
                    return null;
                });
        UiSecurityHeaders.apply(response, UiSecurityHeaders.DEFAULT_POLICY, upload);
        return headers;
    }
}
