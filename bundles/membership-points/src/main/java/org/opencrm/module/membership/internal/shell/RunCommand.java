package org.opencrm.module.membership.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.membership.internal.service.Maintenance;
import org.opencrm.platform.api.security.CrmUser;

@Command(scope = "membership", name = "run", description = "Expire the points that are due and re-evaluate every member's tier now (it also runs periodically)")
@Service
public class RunCommand implements Action {
    @Reference
    Maintenance maintenance;

    @Override
    public Object execute() {
        System.out.println(maintenance.run(CrmUser.SYSTEM));
        return null;
    }
}
