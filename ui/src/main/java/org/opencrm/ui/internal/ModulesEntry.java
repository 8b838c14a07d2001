package org.opencrm.ui.internal;

import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Admin → Modules: present while the module manager is. */
@Component(service = NavigationEntry.class)
public class ModulesEntry extends ShellEntry {
    private final ModuleService modules;
    /** Uploading module packages (KAR files); absent without Karaf's KAR service */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModulePackageService packages;

    @Activate
    public ModulesEntry(@Reference ModuleService modules) {
        this.modules = modules;
    }

    @Override
    public String id() {
        return "admin.modules";
    }

    @Override
    public String group() {
        return "admin";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String permission() {
        return "platform.modules.read";
    }

    @Override
    public Object createView(UiContext context) {
        return new ModulesView(modules, packages, context);
    }
}
