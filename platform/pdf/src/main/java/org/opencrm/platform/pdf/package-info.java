/**
 * Printable documents (audit reports, repair receipts, statements) as PDF, with Chinese text: {@link
 * org.opencrm.platform.pdf.PdfDocuments} (a service) creates a {@link org.opencrm.platform.pdf.PdfDocument}, an A4
 * page flow of headings, paragraphs, label-value fields, tables and photos, embedding (a subset of) a font that has the
 * CJK glyphs. Made with Apache PDFBox; modules use this API and never PDFBox itself.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.pdf;
