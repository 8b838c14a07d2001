package org.opencrm.ui.internal;

import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Modules: present while the module manager is. */
@Component(service = NavigationEntry.class)
public class ModulesEntry extends ShellEntry {
    private final ModuleService modules;

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
        return new ModulesView(modules, context);
    }
}
