package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.pdf.internal.PdfDocumentsImpl;

/** The printed warranty card (三包凭证): Chinese and English text read back with PDFBox, the configured windows, scope enforced. */
class WarrantyCardPrintTest {
    private static String text(byte[] pdf) throws Exception {
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void warrantyCardInChineseAndEnglish() throws Exception {
        PdfDocuments pdfs = new PdfDocumentsImpl(List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
        // a missing font is a missing install step (.ci/run installs fonts-wqy-zenhei), never a reason to skip
        assertTrue(pdfs.hasChineseFont(), "no CJK font on this machine: apt-get install fonts-wqy-zenhei");
        try (HandsetOnTestKit f = new HandsetOnTestKit()) {
            long partner = f.kit.account("华南代理", null);
            long store = f.kit.account("深圳南山店", partner);
            long otherStore = f.kit.account("北京朝阳店", null);
            long owner = f.kit.contact("王芳", "13900000021", store);
            f.model("P60", null, null);
            String imei = f.register("P60");
            String unsold = f.register("P60");
            f.sales.sell(f.admin, imei, new SaleRequest(owner, null, store, "INV-001", HandsetOnTestKit.TODAY.minusDays(1), CaptureChannel.STORE_CLERK,
                    List.of(new AccessoryData(AccessoryType.BATTERY, "BAT-9", null)), null));
            WarrantyCardPrint print = new WarrantyCardPrint(f.handsets, f.policy, f.kit.directory(), pdfs);
            CrmUser clerk = f.user("clerk", ScopeType.STORE, store, "handset.read");

            String zh = text(print.pdf(clerk, imei, Locale.SIMPLIFIED_CHINESE));
            assertTrue(zh.contains("移动电话机商品三包凭证"), zh);
            assertTrue(zh.contains(imei), zh);
            assertTrue(zh.contains("Model P60"), zh);
            assertTrue(zh.contains("2024-03-19"), "sale date: " + zh);
            assertTrue(zh.contains("深圳南山店"), zh);
            assertTrue(zh.contains("王芳"), zh);
            assertTrue(zh.contains("12 个月") && zh.contains("2025-03-19"), "12 months from the sale: " + zh);
            assertTrue(zh.contains("7 日内") && zh.contains("2024-03-26"), "return window: " + zh);
            assertTrue(zh.contains("15 日内") && zh.contains("2024-04-03"), "exchange window: " + zh);
            assertTrue(zh.contains("电池") && zh.contains("BAT-9") && zh.contains("2024-09-19"), "battery 6 months: " + zh);
            assertTrue(zh.contains("销售者盖章"), zh);

            String en = text(print.pdf(f.admin, imei, Locale.ENGLISH));
            assertTrue(en.contains("Warranty card") && en.contains(imei) && en.contains("Within 7 days") && en.contains("12 months"), en);

            assertEquals("no_card", assertThrows(ConflictException.class, () -> print.pdf(f.admin, unsold, Locale.SIMPLIFIED_CHINESE)).code());
            CrmUser stranger = f.user("other", ScopeType.STORE, otherStore, "handset.read");
            assertThrows(RecordNotFoundException.class, () -> print.pdf(stranger, imei, Locale.SIMPLIFIED_CHINESE));
        }
    }
}
