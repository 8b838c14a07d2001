package org.opencrm.module.repair.internal.handset;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opencrm.module.repair.internal.service.DeviceRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the module to the handset registry when, and only while, the registry is there. It names the registry's
 * services by their class names only (no class of the registry is loaded here): when both {@code HandsetRegistry} and
 * {@code WarrantyService} are registered and usable by this bundle, it creates {@link HandsetDevices} and publishes it
 * as {@link DeviceRegistry}; when either goes, the DeviceRegistry goes at once (synchronously with the unregistration).
 * Components of this bundle that need the registry (a mandatory reference to DeviceRegistry, such as the Repairs tab on
 * the registry's unit page) are switched off while it is absent and on again when it comes, so the module is never
 * reported as waiting for a service when the registry is simply not installed.
 *
 * <p>Modules are enabled and disabled without refreshing other bundles, so this bundle's optional import of the
 * registry's API stays wired to the registry bundle it resolved against: unwired when the registry was absent, or
 * wired to the uninstalled revision once it was disabled. When the registry bundle starts and this bundle is not wired
 * to its current revision, this bundle (and only it) is refreshed so that it resolves against the registry now there;
 * the module restarts for about a second.
 */
@Component(immediate = true, service = {})
public class RegistryLink implements BundleListener {
    static final String REGISTRY_BUNDLE = "org.opencrm.module.handset";
    static final String API = "org.opencrm.module.handset.api";
    static final String REGISTRY = API + ".HandsetRegistry";
    static final String WARRANTY = API + ".WarrantyService";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryLink.class);
    private final ServiceComponentRuntime scr;
    private final BundleContext context;
    private final ServiceTracker<Object, Object> tracker;
    /** Set while the component goes away (its bundle stopping, e.g. for the refresh): SCR must not be asked to switch this bundle's components then. */
    private volatile boolean closing;
    private ServiceRegistration<DeviceRegistry> published;
    /** The registry's services by class name, as the tracker hands them over. */
    private final Map<String, Object> services = new ConcurrentHashMap<>();

    @Activate
    public RegistryLink(@Reference ServiceComponentRuntime scr, BundleContext context) throws InvalidSyntaxException {
        this.scr = scr;
        this.context = context;
        switchDependents(false);
        context.addBundleListener(this);
        tracker = new ServiceTracker<>(context, context.createFilter("(|(objectClass=" + REGISTRY + ")(objectClass=" + WARRANTY + "))"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                // a service whose API revision this bundle is not wired to cannot be used here: wait for the refresh
                if (!reference.isAssignableTo(context.getBundle(), className(reference))) {
                    return null;
                }
                Object service = super.addingService(reference);
                if (service != null) {
                    services.put(className(reference), service);
                    update();
                }
                return service;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                services.remove(className(reference), service);
                update();
                super.removedService(reference, service);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        closing = true;
        context.removeBundleListener(this);
        tracker.close();
        unpublish();
    }

    private static String className(ServiceReference<?> reference) {
        for (String name : (String[]) reference.getProperty("objectClass")) {
            if (name.equals(REGISTRY) || name.equals(WARRANTY)) {
                return name;
            }
        }
        return REGISTRY;
    }

    /** Publishes or withdraws the DeviceRegistry to match the registry's services. */
    private synchronized void update() {
        Object registry = services.get(REGISTRY);
        Object warranty = services.get(WARRANTY);
        if (registry == null || warranty == null) {
            unpublish();
            return;
        }
        if (published != null) {
            return;
        }
        try {
            DeviceRegistry devices = HandsetDevices.of(registry, warranty);
            switchDependents(true);
            published = context.registerService(DeviceRegistry.class, devices, null);
        } catch (LinkageError unwired) {
            // resolved while the registry was absent: the refresh on the registry's start wires it (see bundleChanged)
            LOG.info("The handset registry's API is not wired to the repair module yet: {}", unwired.toString());
        }
    }

    private synchronized void unpublish() {
        if (published != null) {
            try {
                published.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            published = null;
            if (!closing) {
                switchDependents(false);
            }
        }
    }

    /** Enables ({@code on}) or disables the components of this bundle with a mandatory reference to DeviceRegistry. */
    private void switchDependents(boolean on) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(context.getBundle())) {
            boolean needsRegistry = false;
            for (ReferenceDTO r : d.references) {
                needsRegistry |= DeviceRegistry.class.getName().equals(r.interfaceName) && r.cardinality.startsWith("1");
            }
            if (needsRegistry && scr.isComponentEnabled(d) != on) {
                if (on) {
                    scr.enableComponent(d);
                } else {
                    scr.disableComponent(d);
                }
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle started = event.getBundle();
        if (event.getType() != BundleEvent.STARTED || !REGISTRY_BUNDLE.equals(started.getSymbolicName())) {
            return;
        }
        Bundle self = context.getBundle();
        if (wiredToCurrent(self, started)) {
            return;
        }
        LOG.info("Handset registry enabled: refreshing the repair module so that it uses the registry");
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(self));
    }

    /** Whether {@code self} imports the registry's API from the registry bundle's current revision. */
    static boolean wiredToCurrent(Bundle self, Bundle registry) {
        BundleWiring wiring = self.adapt(BundleWiring.class);
        if (wiring == null) {
            return true; // being refreshed or uninstalled already
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (API.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                BundleRevision provider = wire.getProvider();
                return provider.equals(registry.adapt(BundleRevision.class));
            }
        }
        return false;
    }
}
