package org.opencrm.ui.internal;

import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Modules: present while the module manager is. */
@Component(service = NavigationEntry.class)
public class ModulesEntry extends BaseMenuEntry {
    @Activate
    public ModulesEntry(@Reference ModuleService modules) {
        super("admin.modules", "admin", 10, "platform.modules.read", CrmUI::shellMessages, "menu.admin.modules", c -> new ModulesView(modules, c));
    }
}
