package org.opencrm.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class RestSupportTest {
    @Test
    void aPrintedDocumentTakesTheLanguageOfLangElseOfAcceptLanguageElseEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, RestSupport.language("zh-CN", null));
        assertEquals(Locale.SIMPLIFIED_CHINESE, RestSupport.language("zh_CN", null));
        assertEquals(Locale.ENGLISH, RestSupport.language(" EN ", null));
        // no or an unknown ?lang=: the API's rule (Accept-Language, English by default)
        assertEquals(Locale.ENGLISH, RestSupport.language(null, null));
        assertEquals(Locale.ENGLISH, RestSupport.language("fr", null));
        assertEquals(Locale.SIMPLIFIED_CHINESE, RestSupport.language(List.of(Locale.GERMAN, Locale.forLanguageTag("zh-TW"))));
    }

    @Test
    void aMissingOptionalServiceIsA503NamingTheFeature() {
        Object pdfs = new Object();
        assertSame(pdfs, RestSupport.installed(pdfs, "crm-platform-pdf"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> RestSupport.installed(null, "crm-platform-pdf"));
        assertTrue(e.getMessage().contains("crm-platform-pdf"), e.getMessage());
    }

    @Test
    void aDocumentIsShownInlineUnderASafeFileName() {
        Response r = RestSupport.document(new byte[] { 1 }, "application/pdf", "warranty-card-86\"; x=1/..\\.pdf");
        assertEquals(200, r.getStatus());
        assertEquals("inline; filename=\"warranty-card-86x1...pdf\"", r.getHeaderString("Content-Disposition"));
    }
}
