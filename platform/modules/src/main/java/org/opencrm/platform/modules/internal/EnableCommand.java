package org.opencrm.platform.modules.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.platform.api.security.UserService;

@Command(scope = "crm", name = "enable", description = "Enable CRM modules at runtime (no restart, no refresh of other bundles)")
@Service
public class EnableCommand implements Action {
    @Reference
    ModuleService modules;
    @Reference(optional = true)
    UserService users;

    @Argument(index = 0, name = "ids", description = "module ids, e.g. sample-notes", required = true, multiValued = true)
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Override
    public Object execute() {
        for (String id : ids) {
            try {
                ModuleInfo m = modules.enable(ShellActor.current(users), id);
                if (m.state() == ModuleState.FAILED) {
                    System.err.println("Module " + id + " FAILED: " + m.reason());
                } else {
                    System.out.println("Module " + id + " is " + m.state());
                }
            } catch (CrmException e) {
                System.err.println("Module " + id + ": " + e.getMessage());
            }
        }
        return null;
    }
}
