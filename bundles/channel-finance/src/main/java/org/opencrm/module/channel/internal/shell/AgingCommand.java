package org.opencrm.module.channel.internal.shell;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.AgingRow;
import org.opencrm.module.channel.internal.service.ReceivablesService;
import org.opencrm.platform.api.security.CrmUser;

/** Receivables by days overdue as of a date. */
@Command(scope = "channel", name = "aging", description = "Receivables aging (current, 1-30, 31-60, 61-90, >90 days overdue) as of a date, largest partners first")
@Service
public class AgingCommand implements Action {
    @Reference
    ReceivablesService receivables;

    @Option(name = "--as-of", description = "the date, yyyy-MM-dd (default today in the business time zone)")
    String asOf;

    @Option(name = "--limit", description = "partner rows (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        AgingReport r = receivables.aging(CrmUser.SYSTEM, asOf == null ? null : LocalDate.parse(asOf), null, limit);
        System.out.printf("Aging as of %s: %d partner(s) with open receivables%n", r.asOf(), r.partnerCount());
        System.out.printf("%-30s %12s %12s %12s %12s %12s %14s%n", "PARTNER", "CURRENT", "1-30", "31-60", "61-90", ">90", "TOTAL");
        for (AgingRow a : r.partners()) {
            print(a.accountName(), a);
        }
        print("TOTAL", r.totals());
        return null;
    }

    private static void print(String name, AgingRow a) {
        System.out.printf("%-30s %12s %12s %12s %12s %12s %14s%n", name, a.current(), a.days1to30(), a.days31to60(), a.days61to90(), a.over90(), a.total());
    }
}
