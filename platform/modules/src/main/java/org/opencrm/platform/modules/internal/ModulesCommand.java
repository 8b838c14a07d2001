package org.opencrm.platform.modules.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleService;

@Command(scope = "crm", name = "modules", description = "List CRM modules: enabled (ACTIVE or FAILED with the reason) and AVAILABLE")
@Service
public class ModulesCommand implements Action {
    @Reference
    ModuleService modules;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("Requires");
        table.column("Reason").maxSize(100).wrap();
        for (ModuleInfo m : modules.modules()) {
            table.addRow().addContent(m.id(), m.name(), m.version(), m.state(), String.join(",", m.requires()),
                    m.reason() == null ? "" : m.reason());
        }
        table.print(System.out);
        return null;
    }
}
