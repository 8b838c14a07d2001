package org.opencrm.module.channel.internal.shell;

import java.time.YearMonth;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.service.MonthEnd;
import org.opencrm.platform.api.time.BusinessClock;

/** The month-end close of every partner, timed. */
@Command(scope = "channel", name = "month-end", description = "Month-end close of every partner (statements, aging, monthly rebate runs), with timings")
@Service
public class MonthEndCommand implements Action {
    @Reference
    MonthEnd monthEnd;

    @Reference
    BusinessClock clock;

    @Option(name = "--month", description = "yyyy-MM (default the last month)")
    String month;

    @Override
    public Object execute() {
        YearMonth m = month == null ? YearMonth.from(clock.today()).minusMonths(1) : YearMonth.parse(month);
        MonthEnd.Figures f = monthEnd.close(m);
        System.out.printf("month-end %s: %d partners; statements %.1f s (%d ledger rows, %.0f rows/s); aging %.1f s (%d partners open); %d rebate run(s) %.1f s (%d results);"
                + " %.1f s in all%n", m, f.partners(), f.statementSeconds(), f.ledgerRows(), f.ledgerRows() / Math.max(0.001, f.statementSeconds()), f.agingSeconds(),
                f.agingPartners(), f.runs(), f.rebateSeconds(), f.rebateResults(), f.totalSeconds());
        return null;
    }
}
