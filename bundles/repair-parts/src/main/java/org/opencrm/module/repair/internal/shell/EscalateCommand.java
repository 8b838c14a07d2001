package org.opencrm.module.repair.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.repair.internal.service.ServiceRequestService;

@Command(scope = "repair", name = "escalate", description = "Escalate overdue service requests now (it also runs every escalationIntervalMinutes)")
@Service
public class EscalateCommand implements Action {
    @Reference
    ServiceRequestService requests;

    @Override
    public Object execute() {
        System.out.println("Escalated " + requests.escalateOverdue() + " overdue service requests");
        return null;
    }
}
