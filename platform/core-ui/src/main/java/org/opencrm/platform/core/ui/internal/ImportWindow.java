package org.opencrm.platform.core.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ImportReport;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.core.internal.service.ContactImports;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.UI;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;

/**
 * CSV import: upload, then the import runs in the background with a progress bar (share of the file read; the
 * page polls while it runs), then the counts and the rows that failed, downloadable as CSV.
 */
final class ImportWindow extends Window {
    private static final long serialVersionUID = 1L;

    ImportWindow(ContactImports imports, ImportLimits limits, UiContext context, Runnable imported) {
        Messages msg = CoreUi.messages(context.locale());
        setCaption(msg.get("contacts.import"));
        setModal(true);
        setWidth("720px");
        VerticalLayout content = new VerticalLayout();
        Label help = new Label(msg.get("import.help", String.join(",", ContactService.CSV_COLUMNS)));
        help.setWidth("100%");
        ProgressBar progress = new ProgressBar(0f);
        progress.setId("import-progress");
        progress.setWidth("100%");
        progress.setVisible(false);
        Label result = new Label();
        result.setId("import-result");
        Grid<ImportReport.RowError> errors = new Grid<>();
        errors.setId("import-errors");
        errors.setWidth("100%");
        errors.setHeight("240px");
        errors.addColumn(ImportReport.RowError::line).setCaption(msg.get("import.line")).setWidth(90);
        errors.addColumn(r -> r.field() == null ? "" : r.field()).setCaption(msg.get("import.field")).setWidth(130);
        errors.addColumn(ImportReport.RowError::message).setCaption(msg.get("import.problem"));
        errors.setVisible(false);
        Button download = new Button(msg.get("import.downloadErrors"));
        download.setId("import-download-errors");
        download.setVisible(false);

        // the file is held in memory until it is imported: never more than the deployment's import limit
        long max = limits.maxBytes();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + len > max) {
                    throw new UncheckedIOException(new IOException("larger than " + max + " bytes"));
                }
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                if (count + 1 > max) {
                    throw new UncheckedIOException(new IOException("larger than " + max + " bytes"));
                }
                super.write(b);
            }
        };
        Upload upload = new Upload(null, (filename, mime) -> {
            buffer.reset();
            return buffer;
        });
        upload.addStartedListener(e -> {
            if (e.getContentLength() > max) {
                upload.interruptUpload();
                Feedback.error(msg.get("import.tooLarge", max));
            }
        });
        upload.setId("import-upload");
        upload.setButtonCaption(msg.get("import.choose"));
        upload.setImmediateMode(true);
        upload.addSucceededListener(e -> {
            byte[] bytes = buffer.toByteArray();
            UI ui = UI.getCurrent();
            progress.setValue(0f);
            progress.setVisible(true);
            upload.setEnabled(false);
            result.setValue(msg.get("import.running"));
            ui.setPollInterval(400);
            AtomicLong read = new AtomicLong();
            Thread worker = new Thread(() -> {
                ImportReport report = null;
                RuntimeException failure = null;
                try (Reader r = new CountingReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), read, n -> {
                    float share = bytes.length == 0 ? 1f : Math.min(1f, (float) n / bytes.length);
                    ui.access(() -> progress.setValue(share));
                })) {
                    report = imports.importCsv(context.user(), r);
                } catch (RuntimeException ex) {
                    failure = ex;
                } catch (IOException ex) {
                    failure = new java.io.UncheckedIOException(ex);
                }
                ImportReport done = report;
                RuntimeException error = failure;
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setValue(1f);
                    upload.setEnabled(true);
                    if (error != null) {
                        result.setValue(error.getMessage());
                        Feedback.failed(error, java.util.Map.of());
                        return;
                    }
                    result.setValue(msg.get("import.done", done.total(), done.imported(), done.failed()));
                    Feedback.done(result.getValue());
                    errors.setItems(done.errors());
                    errors.setVisible(!done.errors().isEmpty());
                    download.setVisible(!done.errors().isEmpty());
                    if (!done.errors().isEmpty()) {
                        StreamResource file = new StreamResource(() -> new ByteArrayInputStream(errorCsv(done.errors())), "import-errors.csv");
                        file.setMIMEType("text/csv; charset=UTF-8");
                        new FileDownloader(file).extend(download);
                    }
                    imported.run();
                });
            }, "crm-ui-contact-import");
            worker.setDaemon(true);
            worker.start();
        });
        upload.addFailedListener(e -> Feedback.error(buffer.size() >= max || e.getLength() > max ? msg.get("import.tooLarge", max) : msg.get("import.uploadFailed")));
        content.addComponents(help, upload, progress, result, errors, download);
        setContent(content);
    }

    private static byte[] errorCsv(List<ImportReport.RowError> errors) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        out.write(Csv.line("line", "field", "problem"));
        for (ImportReport.RowError e : errors) {
            out.write(Csv.line(e.line(), e.field() == null ? "" : e.field(), e.message()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reports characters read (about every 64 KB), for the progress bar. */
    private static final class CountingReader extends FilterReader {
        private final AtomicLong read;
        private final java.util.function.LongConsumer report;
        private long lastReported;

        CountingReader(Reader in, AtomicLong read, java.util.function.LongConsumer report) {
            super(in);
            this.read = read;
            this.report = report;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            if (n > 0) {
                long total = read.addAndGet(n);
                if (total - lastReported > 65536) {
                    lastReported = total;
                    report.accept(total);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                read.incrementAndGet();
            }
            return c;
        }
    }
}
