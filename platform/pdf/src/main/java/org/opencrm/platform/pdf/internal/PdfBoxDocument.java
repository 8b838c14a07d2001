package org.opencrm.platform.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.opencrm.platform.pdf.PdfDocument;

/** A PDFBox document written top to bottom on A4 pages. */
final class PdfBoxDocument implements PdfDocument {
    private static final float MARGIN = 50;
    private static final float TEXT = 10;
    private static final float HEADING = 14;
    private static final float LEADING = 1.45f;

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection collection;
    private final PDFont font;
    private PDPageContentStream out;
    private float y;
    private boolean closed;

    PdfBoxDocument(String title, File fontFile) {
        try {
            TrueTypeCollection ttc = null;
            PDFont f;
            if (fontFile == null) {
                f = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            } else if (fontFile.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                ttc = new TrueTypeCollection(fontFile);
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(t -> {
                    if (first[0] == null) {
                        first[0] = t;
                    }
                });
                f = PDType0Font.load(doc, first[0], true);
            } else {
                f = PDType0Font.load(doc, fontFile);
            }
            this.collection = ttc;
            this.font = f;
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("OpenCRM");
            newPage();
            heading(title);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    /** The text with every character the font cannot show replaced by '?'. */
    private String printable(String text) {
        StringBuilder s = new StringBuilder();
        text.replace('\t', ' ').codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (cp == '\n' || cp == '\r') {
                s.append(' ');
                return;
            }
            try {
                font.encode(c);
                s.append(c);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }

    private float textWidth(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Lines of at most {@code max} points: breaks after a space where one is near, else between any two characters (CJK). */
    List<String> wrap(String text, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : printable(text == null ? "" : text).split("\n", -1)) {
            String rest = para;
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (end > 1 && textWidth(rest.substring(0, end), size) > max) {
                    end--;
                }
                int space = rest.lastIndexOf(' ', end - 1);
                if (end < rest.length() && space > end / 2) {
                    end = space + 1;
                }
                lines.add(rest.substring(0, end).stripTrailing());
                rest = rest.substring(end).stripLeading();
            }
            if (para.isEmpty()) {
                lines.add("");
            }
        }
        return lines;
    }

    private void line(String text, float x, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y - size);
        out.showText(text);
        out.endText();
    }

    private PdfDocument write(IoRunnable r) {
        if (closed) {
            throw new IllegalStateException("the document is closed");
        }
        try {
            r.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoRunnable {
        void run() throws IOException;
    }

    @Override
    public PdfDocument heading(String text) {
        return write(() -> {
            room(HEADING * 2);
            y -= HEADING * 0.4f;
            for (String l : wrap(text, HEADING, width())) {
                room(HEADING * LEADING);
                line(l, MARGIN, HEADING);
                y -= HEADING * LEADING;
            }
        });
    }

    @Override
    public PdfDocument paragraph(String text) {
        return write(() -> {
            for (String l : wrap(text, TEXT, width())) {
                room(TEXT * LEADING);
                line(l, MARGIN, TEXT);
                y -= TEXT * LEADING;
            }
            y -= TEXT * 0.4f;
        });
    }

    @Override
    public PdfDocument field(String label, String value) {
        return write(() -> {
            float labelWidth = 110;
            List<String> lines = wrap(value == null ? "" : value, TEXT, width() - labelWidth);
            room(TEXT * LEADING);
            line(printable(label), MARGIN, TEXT);
            for (String l : lines.isEmpty() ? List.of("") : lines) {
                room(TEXT * LEADING);
                line(l, MARGIN + labelWidth, TEXT);
                y -= TEXT * LEADING;
            }
        });
    }

    @Override
    public PdfDocument table(List<String> header, List<List<String>> rows, float... widths) {
        return write(() -> {
            int n = header.size();
            float total = 0;
            for (int i = 0; i < n; i++) {
                total += i < widths.length ? widths[i] : 1;
            }
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = width() * (i < widths.length ? widths[i] : 1) / total;
            }
            row(header, w, true);
            for (List<String> r : rows) {
                row(r, w, false);
            }
            y -= TEXT * 0.6f;
        });
    }

    private void row(List<String> cells, float[] w, boolean header) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < w.length; i++) {
            List<String> l = wrap(i < cells.size() && cells.get(i) != null ? cells.get(i) : "", TEXT, w[i] - 6);
            wrapped.add(l);
            height = Math.max(height, l.size());
        }
        float h = height * TEXT * LEADING + 4;
        room(h);
        if (header) {
            out.setNonStrokingColor(0.92f, 0.92f, 0.92f);
            out.addRect(MARGIN, y - h, width(), h);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        out.setLineWidth(0.5f);
        out.addRect(MARGIN, y - h, width(), h);
        out.stroke();
        float x = MARGIN;
        float top = y;
        for (int i = 0; i < w.length; i++) {
            y = top - 2;
            for (String l : wrapped.get(i)) {
                line(l, x + 3, TEXT);
                y -= TEXT * LEADING;
            }
            x += w[i];
        }
        y = top - h;
    }

    @Override
    public PdfDocument image(byte[] jpegOrPng, float maxWidth, float maxHeight, String caption) {
        return write(() -> {
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, jpegOrPng, "photo");
            float scale = Math.min(1f, Math.min(Math.min(maxWidth, width()) / img.getWidth(), maxHeight / img.getHeight()));
            float w = img.getWidth() * scale;
            float h = img.getHeight() * scale;
            room(h + (caption == null ? 4 : TEXT * LEADING + 4));
            out.drawImage(img, MARGIN, y - h, w, h);
            y -= h + 4;
            if (caption != null) {
                paragraph(caption);
            }
        });
    }

    @Override
    public byte[] toBytes() {
        if (closed) {
            throw new IllegalStateException("the document is closed");
        }
        try {
            out.close();
            out = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            // the document is dropped anyway
        }
        try {
            doc.close();
        } catch (IOException e) {
            // nothing to keep
        }
        try {
            if (collection != null) {
                collection.close();
            }
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
