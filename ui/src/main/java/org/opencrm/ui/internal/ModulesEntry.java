package org.opencrm.ui.internal;

import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Admin → Modules: present while the module manager is. */
@Component(service = NavigationEntry.class)
public class ModulesEntry extends BaseMenuEntry {
    /** {@code packages}: uploading module packages (KAR files); absent without Karaf's KAR service (the view then offers no upload) */
    @Activate
    public ModulesEntry(@Reference ModuleService modules,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) ModulePackageService packages) {
        super("admin.modules", "admin", 10, "platform.modules.read", CrmUI::shellMessages, "menu.admin.modules", c -> new ModulesView(modules, packages, c));
    }
}
