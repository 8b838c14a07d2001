package org.opencrm.module.repair.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.StatusChange;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.pdf.internal.PdfDocumentsImpl;

/** The intake receipt and the pickup slip: Chinese and English text read back with PDFBox, masked mobile, scope enforced. */
class RepairPrintoutsTest {
    private static String text(byte[] pdf) throws Exception {
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void intakeReceiptAndPickupSlipInChineseAndEnglish() throws Exception {
        PdfDocuments pdfs = new PdfDocumentsImpl(List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
        // a missing font is a missing install step (.ci/run installs fonts-wqy-zenhei), never a reason to skip
        assertTrue(pdfs.hasChineseFont(), "no CJK font on this machine: apt-get install fonts-wqy-zenhei");
        try (RepairOnTestKit f = new RepairOnTestKit()) {
            RepairPrintouts printouts = new RepairPrintouts(f.ctx, f.orders, f.replacements, f.faultCodes, pdfs);
            String mobile = f.kit.directory().contact(f.customer).orElseThrow().mobile();
            RepairOrderData o = f.orders.receive(f.admin, new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, "NOVA-5", "屏幕碎裂，触摸失灵", false,
                    null, null, true, false, "充电器、保护壳"));

            String zh = text(printouts.intakeReceipt(f.clerk(f.centreA), o.id(), Locale.SIMPLIFIED_CHINESE));
            assertTrue(zh.contains("维修受理单"), zh);
            assertTrue(zh.contains(o.number()), zh);
            assertTrue(zh.contains("服务中心 A"), zh);
            assertTrue(zh.contains("张伟"), zh);
            assertTrue(zh.contains(mobile.substring(0, 3) + "****" + mobile.substring(7)), zh);
            assertTrue(!zh.contains(mobile), "the mobile is masked: " + zh);
            assertTrue(zh.contains(o.imei()), zh);
            assertTrue(zh.contains("屏幕碎裂，触摸失灵"), zh);
            assertTrue(zh.contains("充电器、保护壳"), zh);
            assertTrue(zh.contains("外观损坏"), zh);
            assertTrue(zh.contains("保外"), zh);
            assertTrue(zh.contains("检测后报价"), zh);
            assertTrue(zh.contains("客户签字") && zh.contains("经办人签字"), zh);
            assertTrue(zh.contains("2025-06-02 09:00"), "received in Beijing time: " + zh);

            String en = text(printouts.intakeReceipt(f.admin, o.id(), Locale.ENGLISH));
            assertTrue(en.contains("Repair intake receipt") && en.contains(o.number()) && en.contains("Out of warranty"), en);
            assertTrue(en.contains("Customer signature"), en);

            // not ready yet: no pickup slip; another centre's clerk does not see the order at all
            assertEquals("not_ready", assertThrows(ConflictException.class, () -> printouts.pickupSlip(f.admin, o.id(), Locale.SIMPLIFIED_CHINESE)).code());
            assertThrows(RecordNotFoundException.class, () -> printouts.intakeReceipt(f.clerk(f.centreB), o.id(), Locale.SIMPLIFIED_CHINESE));

            f.orders.diagnose(f.admin, o.id(), new Diagnosis("F03", "charging port worn", null, null, null));
            f.orders.quote(f.admin, o.id(), new QuoteInput(new BigDecimal("1200.50"), new BigDecimal("88")));
            f.orders.decideQuote(f.admin, o.id(), new QuoteDecision(true, null));
            for (RepairStatus s : List.of(RepairStatus.REPAIRING, RepairStatus.QUALITY_CHECK, RepairStatus.READY, RepairStatus.RETURNED)) {
                f.orders.move(f.admin, o.id(), new StatusChange(s, null));
            }
            String slip = text(printouts.pickupSlip(f.clerk(f.centreA), o.id(), Locale.SIMPLIFIED_CHINESE));
            assertTrue(slip.contains("取机单") && slip.contains(o.number()), slip);
            assertTrue(slip.contains("charging port worn"), slip);
            assertTrue(slip.contains("¥1,288.50"), "exact charges: " + slip);
            assertTrue(slip.contains("保修 90 天"), slip);
            assertTrue(slip.contains("客户签字"), slip);
            String slipEn = text(printouts.pickupSlip(f.admin, o.id(), Locale.ENGLISH));
            assertTrue(slipEn.contains("Repair pickup slip") && slipEn.contains("90 days") && slipEn.contains("¥1,288.50"), slipEn);
        }
    }
}
