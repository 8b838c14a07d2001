package org.opencrm.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;

import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Upload;

/**
 * "Install a module package": an administrator uploads a KAR from a software vendor; it is checked and installed by
 * the platform (nothing changes when it is refused), and its modules then appear in the list as Available.
 */
final class PackageUpload extends HorizontalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ModulePackageService packages;
    private final UiContext context;
    private final Messages msg;
    private final Runnable refresh;
    private final Label result = new Label();
    private transient Path file;
    private String fileName;

    PackageUpload(ModulePackageService packages, UiContext context, Messages msg, Runnable refresh) {
        this.packages = packages;
        this.context = context;
        this.msg = msg;
        this.refresh = refresh;
        setId("modules-package");
        setDefaultComponentAlignment(com.vaadin.ui.Alignment.MIDDLE_LEFT);
        Upload upload = new Upload(msg.get("modules.package"), this::receive);
        upload.setId("modules-package-upload");
        upload.setButtonCaption(msg.get("modules.packageButton"));
        upload.setAcceptMimeTypes(".kar");
        upload.addSucceededListener(e -> installed());
        upload.addFailedListener(e -> discard());
        result.setId("modules-package-result");
        addComponents(upload, result);
    }

    private OutputStream receive(String name, String mimeType) {
        try {
            discard();
            fileName = name;
            file = Files.createTempFile("crm-upload-", ".kar");
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installed() {
        try (InputStream in = Files.newInputStream(file)) {
            ModulePackageService.InstalledPackage p = packages.install(context.user(), in, fileName);
            String names = String.join(", ", p.modules().stream().map(ModuleInfo::name).toList());
            result.setValue(msg.get("modules.packageInstalled", p.name(), names));
            Feedback.done(result.getValue());
            refresh.run();
        } catch (CrmException e) {
            result.setValue(Feedback.describe(e, context.locale()));
            Feedback.error(result.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discard();
        }
    }

    private void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the OS cleans it up
            }
            file = null;
        }
    }
}
