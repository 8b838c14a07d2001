package org.opencrm.platform.pdf.internal;

import java.io.File;
import java.util.List;

import org.opencrm.platform.pdf.PdfDocument;
import org.opencrm.platform.pdf.PdfDocuments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PDF service: finds the font and makes documents with it. */
@Component(service = PdfDocuments.class, configurationPid = PdfDocumentsImpl.PID)
@Designate(ocd = PdfConfig.class)
public class PdfDocumentsImpl implements PdfDocuments {
    static final String PID = "org.opencrm.pdf";
    private static final Logger LOG = LoggerFactory.getLogger(PdfDocumentsImpl.class);
    private volatile File font;

    @Activate
    public PdfDocumentsImpl(PdfConfig config) {
        modified(config);
    }

    /** For tests and callers outside OSGi: the first readable file of the list. */
    public PdfDocumentsImpl(List<String> fontFiles) {
        this.font = find(fontFiles.toArray(String[]::new));
    }

    @Modified
    void modified(PdfConfig config) {
        font = find(config.fontFiles());
        if (font == null) {
            LOG.warn("No font with Chinese glyphs among {} (etc/{}.cfg fontFiles): PDF documents show '?' for Chinese text. "
                    + "Install one, e.g. apt-get install fonts-wqy-zenhei", List.of(config.fontFiles()), PID);
        }
    }

    private static File find(String[] files) {
        for (String f : files) {
            File file = new File(f.trim());
            if (file.isFile() && file.canRead()) {
                return file;
            }
        }
        return null;
    }

    @Override
    public PdfDocument create(String title) {
        return new PdfBoxDocument(title, font);
    }

    @Override
    public boolean hasChineseFont() {
        return font != null;
    }
}
