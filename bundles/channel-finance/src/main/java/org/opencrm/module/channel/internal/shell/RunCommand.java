package org.opencrm.module.channel.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.dto.CollectionData;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.module.channel.internal.service.ReceivablesService;
import org.opencrm.platform.api.security.CrmUser;

/** The periodic run now: grade evaluation and collection. */
@Command(scope = "channel", name = "run", description = "Evaluate every partner's grade and run collection (reminders, automatic holds) now")
@Service
public class RunCommand implements Action {
    @Reference
    PartnerService partners;

    @Reference
    ReceivablesService receivables;

    @Override
    public Object execute() {
        int grades = partners.evaluateAll();
        CollectionData c = receivables.collect(CrmUser.SYSTEM);
        System.out.printf("%d grade(s) changed, %d collection reminder(s), %d partner(s) put on hold%n", grades, c.reminders(), c.holds());
        c.actions().forEach(a -> System.out.println("  " + a));
        return null;
    }
}
