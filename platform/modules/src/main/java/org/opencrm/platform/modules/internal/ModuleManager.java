package org.opencrm.platform.modules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleReason;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modules are Karaf features named {@code crm-<id>}; the features service's installed set is the one source of
 * truth for which modules are enabled (it is persisted under data/ and changed the same way by crm:enable, REST,
 * the admin page and feature:install). Features are installed and uninstalled with NoAutoRefreshBundles, so the
 * core, the shell and other modules' bundles are never refreshed or restarted.
 *
 * <p>Several nodes on one database share one set of enabled modules ({@link ModuleSetStore}, a table): enabling or
 * disabling on any node (shell, REST, UI) records the decision there first, and every node reads it every
 * {@code clusterPollMillis} (500 ms) and enables or disables what differs on it, so the other nodes start installing
 * within half a second of the decision, while the node that was asked installs (TwoNodeIT at a moderate load: the
 * other node served a module 0.4 s after the node that enabled it answered, and dropped one 1.9 s after with the former
 * 1000 ms poll; on a starved machine each node's own installation dominates), and a node that starts later comes up
 * with the same set. A module that failed to start on this node is not
 * tried again until it is disabled (or the node restarts). The first node on an empty table records the modules it
 * has installed.
 */
@Component(service = ModuleService.class, configurationPid = "org.opencrm.modules")
@Designate(ocd = ModulesConfig.class)
public class ModuleManager implements ModuleService {
    static final String PERMISSION_MANAGE = "platform.modules.manage";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final ServiceComponentRuntime scr;
    private final BundleContext context;
    private volatile long startTimeoutMillis;

    /** Descriptors of running modules by id; also the monitor enable() waits on. */
    private final Map<String, CrmModule> descriptors = new HashMap<>();
    private final Map<String, List<ModuleReason>> failures = new ConcurrentHashMap<>();
    /** enable and disable one at a time: the features service would serialise them anyway, the reporting must too */
    private final Object changeLock = new Object();
    private final ScheduledExecutorService clusterPoll;
    private volatile boolean seeded;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleSetStore clusterSet;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public ModuleManager(@Reference FeaturesService features, @Reference ServiceComponentRuntime scr, BundleContext context,
            ModulesConfig config) {
        this.features = features;
        this.scr = scr;
        this.context = context;
        modified(config);
        clusterPoll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crm-module-set");
            t.setDaemon(true);
            return t;
        });
        long poll = Math.max(100, config.clusterPollMillis());
        clusterPoll.scheduleWithFixedDelay(this::convergeQuietly, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        clusterPoll.shutdownNow();
    }

    @Modified
    void modified(ModulesConfig config) {
        startTimeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.startTimeoutSeconds()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModule(CrmModule module) {
        synchronized (descriptors) {
            CrmModule previous = descriptors.putIfAbsent(module.id(), module);
            if (previous != null && previous != module) {
                LOG.warn("Two modules registered the id '{}'; keeping the first ({})", module.id(), previous.name());
            }
            descriptors.notifyAll();
        }
    }

    void removeModule(CrmModule module) {
        synchronized (descriptors) {
            descriptors.remove(module.id(), module);
            descriptors.notifyAll();
        }
    }

    @Override
    public List<ModuleInfo> modules() {
        Map<String, CrmModule> running = runningDescriptors();
        List<ModuleInfo> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Feature f : moduleFeatures().values()) {
            String id = ModuleStates.moduleId(f.getName());
            seen.add(id);
            all.add(ModuleStates.describe(facts(id, f, running), running.keySet()));
        }
        // modules dropped in without a feature (deploy/ folder, bundle:install) are listed, but only features can be toggled
        for (CrmModule m : running.values()) {
            if (!seen.contains(m.id())) {
                all.add(ModuleStates.describe(facts(m.id(), null, running), running.keySet()));
            }
        }
        all.sort(Comparator.comparing(ModuleInfo::id));
        return all;
    }

    @Override
    public Optional<ModuleInfo> module(String id) {
        Map<String, CrmModule> running = runningDescriptors();
        Feature f = moduleFeatures().get(id);
        if (f == null && !running.containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of(ModuleStates.describe(facts(id, f, running), running.keySet()));
    }

    @Override
    public ModuleInfo enable(CrmUser actor, String id) {
        actor.require(PERMISSION_MANAGE);
        synchronized (changeLock) {
            Feature f = featureOf(id);
            recordInCluster(id, true, actor);
            return enableHere(actor, id, f, true);
        }
    }

    /** Enables the module on this node (in changeLock); {@code audited} false when following the cluster's set. */
    private ModuleInfo enableHere(CrmUser actor, String id, Feature f, boolean audited) {
        if (features.isInstalled(f) && features.isRequired(f)) {
            return module(id).orElseThrow();
        }
        failures.remove(id);
        long started = System.nanoTime();
        try {
            features.installFeature(f.getName(), f.getVersion(), NO_REFRESH);
        } catch (Exception e) {
            List<ModuleReason> reasons = ModuleStates.installFailureReasons(e, this::exportedVersions);
            String reason = Reasons.text(reasons);
            failures.put(id, reasons);
            LOG.warn("Module {} {}", id, reason);
            if (audited) {
                record(actor, id, "ENABLE_FAILED", reason);
            }
            return module(id).orElseThrow();
        }
        awaitStart(id, f);
        ModuleInfo info = module(id).orElseThrow();
        LOG.info("Module {} enabled by {} in {} ms: {}{}", id, actor.username(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                info.state(), info.reason() == null ? "" : " (" + info.reason() + ")");
        if (audited) {
            record(actor, id, "ENABLE", info.state() + (info.reason() == null ? "" : ": " + info.reason()));
        }
        if (info.state() == ModuleState.ACTIVE) {
            post(CrmEvents.MODULE_ENABLED, id, actor);
        }
        return info;
    }

    @Override
    public ModuleInfo disable(CrmUser actor, String id) {
        actor.require(PERMISSION_MANAGE);
        synchronized (changeLock) {
            Feature f = moduleFeatures().get(id);
            if (f == null) {
                if (runningDescriptors().containsKey(id)) {
                    throw new ConflictException("not_a_feature", "id", "module '" + id
                            + "' was installed without a feature (e.g. dropped into deploy/); remove its bundle instead");
                }
                throw new RecordNotFoundException("module", id);
            }
            List<String> dependents = features.isInstalled(f) ? dependentsOf(id) : List.of();
            if (!dependents.isEmpty()) {
                throw new ConflictException("module_required", "id", "module '" + id + "' is needed by " + String.join(", ", dependents)
                        + "; disable " + (dependents.size() > 1 ? "those" : "that one") + " first");
            }
            recordInCluster(id, false, actor);
            return disableHere(actor, id, f, true);
        }
    }

    /** Disables the module on this node (in changeLock, its dependents checked); {@code audited} as for enableHere. */
    private ModuleInfo disableHere(CrmUser actor, String id, Feature f, boolean audited) {
        failures.remove(id);
        if (!features.isInstalled(f)) {
            return module(id).orElseThrow();
        }
        try {
            features.uninstallFeature(f.getName(), f.getVersion(), NO_REFRESH);
        } catch (Exception e) {
            LOG.warn("Module {} could not be disabled", id, e);
            throw new ConflictException("disable_failed", "id", "module '" + id + "' could not be disabled: " + e.getMessage());
        }
        awaitGone(id);
        ModuleInfo info = module(id).orElseThrow();
        LOG.info("Module {} disabled by {}; its data stays in the database", id, actor.username());
        if (audited) {
            record(actor, id, "DISABLE", info.state().toString());
        }
        post(CrmEvents.MODULE_DISABLED, id, actor);
        return info;
    }

    /** Records the decision in the cluster's module set (first, so that no node's poll undoes this change). */
    private void recordInCluster(String id, boolean enabled, CrmUser actor) {
        ModuleSetStore store = clusterSet;
        if (store != null) {
            store.record(id, enabled, actor.username());
        }
    }

    private void convergeQuietly() {
        try {
            converge();
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the cluster's module set: {}", e.toString());
        }
    }

    /**
     * Enables and disables on this node what differs from the cluster's module set; on an empty set, records the
     * modules installed here. Returns the ids it changed.
     */
    List<String> converge() {
        ModuleSetStore store = clusterSet;
        if (store == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        synchronized (changeLock) {
            // read inside the lock: a set read before an enable or disable here took the lock would be older than that
            // change, and this poll would undo it (a module disabled by a user came back a moment later, under load)
            Map<String, Boolean> wanted = store.read();
            Map<String, Feature> byId = moduleFeatures();
            if (wanted.isEmpty() && !seeded) {
                byId.forEach((id, f) -> {
                    if (features.isInstalled(f)) {
                        store.record(id, true, CrmUser.SYSTEM.username());
                    }
                });
                seeded = true;
                return changed;
            }
            seeded = true;
            for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
                String id = e.getKey();
                Feature f = byId.get(id);
                if (f == null) {
                    continue; // not known on this node (a package not uploaded here)
                }
                boolean installed = features.isInstalled(f);
                if (e.getValue() && !installed && !failures.containsKey(id)) {
                    LOG.info("Module {} was enabled on another node: enabling it here", id);
                    enableHere(CrmUser.SYSTEM, id, f, false);
                    changed.add(id);
                } else if (!e.getValue() && installed && dependentsOf(id).isEmpty()) {
                    LOG.info("Module {} was disabled on another node: disabling it here", id);
                    disableHere(CrmUser.SYSTEM, id, f, false);
                    changed.add(id);
                }
            }
        }
        return changed;
    }

    /**
     * Waits until the module's descriptor is registered and none of its components still waits for a service
     * (e.g. its JpaTemplate, which Aries JPA registers once the persistence unit is up), so a caller can use the
     * module's REST resources as soon as enable returns. Gives up at once if a bundle failed to start. Woken by
     * service events, not by polling.
     */
    private static final long RECHECK_MILLIS = 250;

    private void awaitStart(String id, Feature f) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startTimeoutMillis);
        ServiceListener wake = e -> {
            synchronized (descriptors) {
                descriptors.notifyAll();
            }
        };
        context.addServiceListener(wake);
        try {
            synchronized (descriptors) {
                while (!descriptors.containsKey(id) || moduleBundles(f).stream().anyMatch(b -> !componentProblems(b).isEmpty())) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || !bundleProblems(f).isEmpty()) {
                        return;
                    }
                    // service events wake us; the re-check interval covers changes that post none (a bundle disabling
                    // one of its own unsatisfied components)
                    descriptors.wait(Math.min(left, RECHECK_MILLIS));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.removeServiceListener(wake);
        }
    }

    /** Bundles are stopped synchronously by the uninstall; this only covers a descriptor unregistering late. */
    private void awaitGone(String id) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startTimeoutMillis);
        synchronized (descriptors) {
            while (descriptors.containsKey(id)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    descriptors.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<String> dependentsOf(String id) {
        return modules().stream().filter(m -> !m.id().equals(id) && m.state() != ModuleState.AVAILABLE && m.requires().contains(id))
                .filter(m -> m.feature() == null || isInstalled(m.feature())).map(ModuleInfo::id).toList();
    }

    private boolean isInstalled(String featureName) {
        try {
            Feature f = features.getFeature(featureName);
            return f != null && features.isInstalled(f);
        } catch (Exception e) {
            return false;
        }
    }

    private Feature featureOf(String id) {
        Feature f = moduleFeatures().get(id);
        if (f == null) {
            throw new RecordNotFoundException("module", id);
        }
        return f;
    }

    /** Module features by id; where a repository offers several versions, the highest. */
    private Map<String, Feature> moduleFeatures() {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new IllegalStateException("the features service could not list features: " + e.getMessage(), e);
        }
        Map<String, Feature> byId = new HashMap<>();
        for (Feature f : all) {
            String id = ModuleStates.moduleId(f.getName());
            if (id != null) {
                byId.merge(id, f, (a, b) -> features.isInstalled(a) ? a : features.isInstalled(b) ? b
                        : org.osgi.framework.Version.parseVersion(a.getVersion()).compareTo(org.osgi.framework.Version.parseVersion(b.getVersion())) >= 0 ? a : b);
            }
        }
        return byId;
    }

    private Map<String, CrmModule> runningDescriptors() {
        synchronized (descriptors) {
            return Map.copyOf(descriptors);
        }
    }

    private ModuleFacts facts(String id, Feature f, Map<String, CrmModule> running) {
        CrmModule d = running.get(id);
        boolean installed = f != null && features.isInstalled(f);
        List<String> featureRequires = f == null ? List.of()
                : f.getDependencies().stream().map(Dependency::getName).map(ModuleStates::moduleId).filter(x -> x != null && !x.equals(id)).toList();
        List<ModuleReason> problems = installed ? problems(f) : List.of();
        return new ModuleFacts(id, f == null ? null : f.getName(), f == null ? null : f.getDescription(), f == null ? null : f.getVersion(),
                installed, featureRequires, d == null ? null : d.name(), d == null ? null : versionOf(d),
                d == null ? List.of() : d.requires(), failures.get(id), problems);
    }

    /** A module's version is its bundle's: the Bundle-Version of the bundle whose class registered the descriptor. */
    private static String versionOf(CrmModule descriptor) {
        Bundle b = FrameworkUtil.getBundle(descriptor.getClass());
        return b == null ? null : b.getVersion().toString();
    }

    private List<ModuleReason> problems(Feature f) {
        List<ModuleReason> problems = new ArrayList<>(bundleProblems(f));
        for (Bundle b : moduleBundles(f)) {
            problems.addAll(componentProblems(b));
        }
        return problems;
    }

    private List<Bundle> moduleBundles(Feature f) {
        List<Bundle> bundles = new ArrayList<>();
        for (BundleInfo bi : f.getBundles()) {
            if (!bi.isDependency()) {
                Bundle b = context.getBundle(bi.getLocation());
                if (b != null) {
                    bundles.add(b);
                }
            }
        }
        return bundles;
    }

    private List<ModuleReason> bundleProblems(Feature f) {
        List<ModuleReason> problems = new ArrayList<>();
        for (BundleInfo bi : f.getBundles()) {
            Bundle b = context.getBundle(bi.getLocation());
            if (b == null) {
                problems.add(Reasons.of("bundleNotInstalled", bi.getLocation()));
            } else if (b.getState() != Bundle.ACTIVE && b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                problems.add(Reasons.of("bundleState", b.getSymbolicName(), stateName(b.getState())));
            }
        }
        return problems;
    }

    private List<ModuleReason> componentProblems(Bundle b) {
        List<ModuleReason> problems = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                switch (c.state) {
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                            String iface = java.util.Arrays.stream(d.references).filter(ref -> ref.name.equals(r.name)).map(ref -> ref.interfaceName)
                                    .findFirst().orElse(r.name);
                            problems.add(Reasons.of("waitsForService", simpleName(d.name), iface + (r.target != null ? " " + r.target : "")));
                        }
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                            problems.add(Reasons.of("waitsForConfiguration", simpleName(d.name), String.join(", ", d.configurationPid)));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                            problems.add(ModuleStates.componentFailure(simpleName(d.name), c.failure));
                    default -> {
                    }
                }
            }
        }
        return problems;
    }

    /** The versions in which running bundles export a package (to say what a module that cannot resolve would need). */
    private List<String> exportedVersions(String pkg) {
        Set<String> versions = new java.util.TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            for (BundleCapability c : w.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                    versions.add(String.valueOf(c.getAttributes().get("version")));
                }
            }
        }
        return List.copyOf(versions);
    }

    private static String simpleName(String componentName) {
        return componentName.substring(componentName.lastIndexOf('.') + 1);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }

    private void record(CrmUser actor, String id, String action, String result) {
        AuditTrail a = audit;
        if (a != null) {
            try {
                a.record(actor.username(), "module", id, action, Map.of("result", result));
            } catch (RuntimeException e) {
                LOG.warn("Could not record module change {} {} in the audit trail: {}", action, id, e.toString());
            }
        }
    }

    private void post(String topic, String id, CrmUser actor) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.postEvent(new Event(topic, Map.of(CrmEvents.MODULE_ID, id, CrmEvents.ACTOR, actor.username())));
        }
    }
}
