package org.opencrm.platform.pdf;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates PDF documents. The font for Chinese text is the first readable file of {@code fontFiles} in
 * etc/org.opencrm.pdf.cfg (TrueType .ttf or collection .ttc with TrueType outlines; default: WenQuanYi Zen Hei as
 * Debian/Ubuntu install it with the fonts-wqy-zenhei package, then Noto Sans SC); without one, documents are written
 * with a Latin font and characters it lacks become '?' ({@link #hasChineseFont()} says which).
 */
@ProviderType
public interface PdfDocuments {
    /** A new, empty A4 document; the title goes into its properties and onto the first page as a heading. */
    PdfDocument create(String title);

    /** Whether a font with Chinese glyphs was found. */
    boolean hasChineseFont();
}
