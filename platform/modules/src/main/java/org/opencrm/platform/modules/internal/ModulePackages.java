package org.opencrm.platform.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.kar.KarService;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PayloadTooLargeException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Module packages from third parties: a KAR (Karaf archive) that an administrator uploads (REST, the Modules page).
 * The same file dropped into {@code deploy/} or given to {@code kar:install} goes through Karaf's own KAR service
 * directly; an upload is checked first, so that a file that is not a package of CRM modules, or one that would
 * replace a module already present, is refused with a reason and changes nothing. Its modules then show as
 * AVAILABLE (their features say {@code install="manual"}, as the archetype generates them) and are enabled like
 * the shipped ones.
 */
@Component(service = { ModulePackageService.class, ModulePackages.class }, configurationPid = "org.opencrm.modules")
public class ModulePackages implements ModulePackageService {
    private static final Logger LOG = LoggerFactory.getLogger(ModulePackages.class);
    /** A KAR's name is its file name without .kar; Karaf keeps it under data/kar/NAME. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final KarService kars;
    private final FeaturesService features;
    private final ModuleService modules;
    private volatile long maxBytes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public ModulePackages(@Reference KarService kars, @Reference FeaturesService features, @Reference ModuleService modules, ModulesConfig config) {
        this.kars = kars;
        this.features = features;
        this.modules = modules;
        modified(config);
    }

    @Modified
    void modified(ModulesConfig config) {
        maxBytes = Math.max(1, config.maxPackageMegabytes()) * 1024L * 1024L;
    }

    /** The installed packages (KAR names), as kar:list shows them. */
    @Override
    public List<String> packages(CrmUser actor) {
        actor.require(ModuleManager.PERMISSION_MANAGE);
        try {
            return kars.list();
        } catch (Exception e) {
            throw new IllegalStateException("the KAR service could not list packages: " + e.getMessage(), e);
        }
    }

    /**
     * Installs an uploaded KAR. {@code fileName}: the uploaded file's name (its name becomes the package's name); the
     * body is read through the size limit ({@code maxPackageMegabytes}, 413 beyond it).
     */
    @Override
    public InstalledPackage install(CrmUser actor, InputStream body, String fileName) {
        actor.require(ModuleManager.PERMISSION_MANAGE);
        String name = packageName(fileName);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("crm-package-");
            Path kar = dir.resolve(name + ".kar");
            copyLimited(body, kar);
            List<KarInspector.PackagedFeature> packaged = KarInspector.inspect(kar);
            if (kars.list().contains(name)) {
                throw new ConflictException("package_exists", "file", "a package named '" + name + "' is already installed; remove it first");
            }
            List<String> ids = new ArrayList<>();
            for (KarInspector.PackagedFeature f : packaged) {
                Feature present = features.getFeature(f.name());
                if (present != null) {
                    throw new ConflictException("module_exists", "file", "module '" + f.moduleId() + "' is already available (version "
                            + present.getVersion() + "); remove the package that brought it before installing another version");
                }
                ids.add(f.moduleId());
            }
            // modules are installed and removed without refreshing anybody else's bundles, as crm:enable does
            kars.install(kar.toUri(), false, true);
            LOG.info("Module package {} installed by {}: modules {}", name, actor.username(), ids);
            record(actor, name, "PACKAGE_INSTALL", String.join(", ", ids));
            List<ModuleInfo> now = ids.stream().map(id -> modules.module(id).orElse(new ModuleInfo(id, id, null, ModuleState.AVAILABLE, null, List.of(), null)))
                    .toList();
            return new InstalledPackage(name, now);
        } catch (InvalidInputException | ConflictException | PayloadTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidInputException("file", "the upload could not be read: " + e.getMessage(), "modules.packageUnreadable");
        } catch (Exception e) {
            // the KAR service failed half-way: take away what it added
            uninstallQuietly(name);
            throw new ConflictException("package_failed", "file", "the package could not be installed: " + ModuleStates.installFailure(e));
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Removes a package; refused while one of its modules is enabled (disable it first, its data stays). */
    @Override
    public void remove(CrmUser actor, String name) {
        actor.require(ModuleManager.PERMISSION_MANAGE);
        List<String> installed = packages(actor);
        if (!installed.contains(name)) {
            throw new RecordNotFoundException("package", name);
        }
        List<String> enabled = modules.modules().stream().filter(m -> m.state() != ModuleState.AVAILABLE && m.feature() != null)
                .filter(m -> fromPackage(name, m.feature())).map(ModuleInfo::id).toList();
        if (!enabled.isEmpty()) {
            throw new ConflictException("package_in_use", "name", "package '" + name + "' holds enabled module(s) " + String.join(", ", enabled)
                    + "; disable them first");
        }
        try {
            kars.uninstall(name, true);
        } catch (Exception e) {
            throw new ConflictException("package_remove_failed", "name", "package '" + name + "' could not be removed: " + e.getMessage());
        }
        LOG.info("Module package {} removed by {}", name, actor.username());
        record(actor, name, "PACKAGE_REMOVE", "removed");
    }

    /** Whether the feature's repository came with the KAR (Karaf unpacks a KAR's repository under data/kar/NAME). */
    private boolean fromPackage(String name, String featureName) {
        try {
            Feature f = features.getFeature(featureName);
            return f != null && f.getRepositoryUrl() != null && f.getRepositoryUrl().contains("/kar/" + name + "/");
        } catch (Exception e) {
            return false;
        }
    }

    static String packageName(String fileName) {
        String n = fileName == null ? "" : fileName.strip();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        if (n.toLowerCase(Locale.ROOT).endsWith(".kar")) {
            n = n.substring(0, n.length() - 4);
        }
        if (!NAME.matcher(n).matches()) {
            throw new InvalidInputException("file", "the file name must be like acme-warranty-1.0.0.kar (letters, digits, '.', '-', '_')",
                    "modules.packageName");
        }
        return n;
    }

    private void copyLimited(InputStream body, Path target) throws IOException {
        if (body == null) {
            throw new InvalidInputException("file", "no file was sent", "required");
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException("file", maxBytes, "maxPackageMegabytes in etc/org.opencrm.modules.cfg");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new InvalidInputException("file", "the file is empty", "required");
        }
    }

    private void uninstallQuietly(String name) {
        try {
            if (kars.list().contains(name)) {
                kars.uninstall(name, true);
            }
        } catch (Exception e) {
            LOG.warn("Could not take back the half-installed package {}", name, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("temporary package folder {} not removed", dir, e);
        }
    }

    private void record(CrmUser actor, String name, String action, String result) {
        AuditTrail a = audit;
        if (a != null) {
            try {
                a.record(actor.username(), "module-package", name, action, java.util.Map.of("result", result));
            } catch (RuntimeException e) {
                LOG.warn("Audit entry for package {} not written", name, e);
            }
        }
    }
}
