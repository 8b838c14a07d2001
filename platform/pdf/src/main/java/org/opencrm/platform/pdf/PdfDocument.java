package org.opencrm.platform.pdf;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An A4 document written top to bottom: each call adds a block below the previous one, and a new page begins when a
 * block does not fit. Lines wrap at the page width. Close it (or call {@link #toBytes()}, which closes it).
 */
@ProviderType
public interface PdfDocument extends AutoCloseable {
    PdfDocument heading(String text);

    PdfDocument paragraph(String text);

    /** A label and its value on one line (the value wraps). */
    PdfDocument field(String label, String value);

    /** A table: header row and rows of cells; {@code widths} relative (e.g. 1, 4, 1), one per column. */
    PdfDocument table(List<String> header, List<List<String>> rows, float... widths);

    /** A JPEG or PNG image, scaled to at most {@code maxWidth} × {@code maxHeight} points, with an optional caption below it. */
    PdfDocument image(byte[] jpegOrPng, float maxWidth, float maxHeight, String caption);

    /** The finished document; closes it. */
    byte[] toBytes();

    @Override
    void close();
}
