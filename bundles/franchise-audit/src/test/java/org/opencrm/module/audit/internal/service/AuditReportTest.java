package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.pdf.internal.PdfDocumentsImpl;

/** The PDF report: Chinese text rendered (read back with PDFBox), the failed item's photo in it, scope enforced. */
class AuditReportTest {
    @Test
    void reportInChineseWithPhotosOfFailedItems() throws Exception {
        PdfDocuments pdfs = new PdfDocumentsImpl(List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
        // a missing font is a missing install step (.ci/run installs fonts-wqy-zenhei), never a reason to skip
        assertTrue(pdfs.hasChineseFont(), "no CJK font on this machine: apt-get install fonts-wqy-zenhei");
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditData a = AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01");
            AuditReport report = new AuditReport(t.audits, t.actions, pdfs, t.kit.clock());
            byte[] pdf = report.pdf(t.franchiseeA, a.id(), Locale.SIMPLIFIED_CHINESE);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("门店巡检报告"), text);
                assertTrue(text.contains("南山店"), text);
                assertTrue(text.contains("门头招牌完好"), text);
                assertTrue(text.contains("不合格项照片"), text);
                assertTrue(text.contains("店长 李雷"), text);
                assertTrue(doc.getPage(doc.getNumberOfPages() - 1).getResources().getXObjectNames().iterator().hasNext()
                        || doc.getNumberOfPages() > 1, "the photo is drawn");
            }
            // an English reader gets the checklist's English texts, also in the actions' list
            String english = new PDFTextStripper().getText(Loader.loadPDF(report.pdf(t.hq, a.id(), Locale.ENGLISH)));
            assertTrue(english.contains("Store audit report"), english);
            assertTrue(english.contains("Visual identity"), english);
            assertTrue(english.contains("Shopfront sign"), english);
            assertFalse(english.contains("门头招牌完好"), english);
            assertThrows(RecordNotFoundException.class, () -> report.pdf(t.franchiseeB, a.id(), Locale.SIMPLIFIED_CHINESE));
        }
    }
}
