package org.opencrm.platform.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.pdf.internal.PdfDocumentsImpl;

class PdfDocumentsTest {
    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf");

    @Test
    void chineseTextIsInThePdfAndReadsBack() throws Exception {
        PdfDocuments pdfs = new PdfDocumentsImpl(FONTS);
        // a missing font is a missing install step (.ci/run installs fonts-wqy-zenhei), never a reason to skip
        assertTrue(pdfs.hasChineseFont(), "no CJK font on this machine: apt-get install fonts-wqy-zenhei");
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        byte[] bytes;
        try (PdfDocument d = pdfs.create("门店巡检报告 Store audit report")) {
            d.field("门店", "南山店").paragraph("门头招牌完好、清洁，灯箱夜间正常点亮。 ".repeat(30))
                    .table(List.of("编号", "检查项", "结果"), List.of(List.of("VI-01", "品牌标识符合最新VI规范", "不合格")), 1, 4, 1)
                    .image(png.toByteArray(), 200, 200, "VI-01 照片");
            for (int i = 0; i < 80; i++) {
                d.paragraph("第 " + i + " 行");
            }
            bytes = d.toBytes();
        }
        try (PDDocument read = Loader.loadPDF(bytes)) {
            assertTrue(read.getNumberOfPages() >= 2);
            String text = new PDFTextStripper().getText(read);
            assertTrue(text.contains("门店巡检报告"), text);
            assertTrue(text.contains("南山店"));
            assertTrue(text.contains("不合格"));
            assertTrue(text.contains("第 79 行"));
            assertEquals("门店巡检报告 Store audit report", read.getDocumentInformation().getTitle());
        }
    }

    @Test
    void withoutAChineseFontCharactersItLacksBecomeQuestionMarks() throws Exception {
        PdfDocuments pdfs = new PdfDocumentsImpl(List.of("/no/such/font.ttf"));
        assertFalse(pdfs.hasChineseFont());
        byte[] bytes;
        try (PdfDocument d = pdfs.create("Report 报告")) {
            bytes = d.paragraph("ok").toBytes();
        }
        try (PDDocument read = Loader.loadPDF(bytes)) {
            assertTrue(new PDFTextStripper().getText(read).contains("Report ??"));
        }
    }
}
