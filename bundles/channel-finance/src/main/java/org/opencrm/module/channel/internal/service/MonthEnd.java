package org.opencrm.module.channel.internal.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.ProgrammeData;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.module.channel.internal.dto.RunInput;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The month-end close of every partner (channel:month-end, the benchmark): each partner's statement of the month, the
 * aging as of its last day, and every monthly rebate programme's run for the month. Reports what it read and how long
 * each part took.
 */
@Component(service = MonthEnd.class)
public class MonthEnd {
    private final JpaTemplate jpa;
    private final ReceivablesService receivables;
    private final RebateService rebates;

    @Activate
    public MonthEnd(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference ReceivablesService receivables, @Reference RebateService rebates) {
        this.jpa = jpa;
        this.receivables = receivables;
        this.rebates = rebates;
    }

    /** Seconds of each part and the rows it read: statements (ledger entries), aging (open invoices), rebate runs (results). */
    public record Figures(int partners, long ledgerRows, double statementSeconds, long agingPartners, double agingSeconds, int runs, int rebateResults,
            double rebateSeconds) {
        public double totalSeconds() {
            return statementSeconds + agingSeconds + rebateSeconds;
        }
    }

    public Figures close(YearMonth month) {
        CrmUser sys = CrmUser.SYSTEM;
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        long t0 = System.nanoTime();
        // every partner's statement from grouped statements, not five statements per partner
        List<StatementData> statements = jpa.txExpr(TransactionType.Supports, em -> receivables.statements(em, from, to));
        long rows = statements.stream().mapToLong(s -> s.entries().size()).sum();
        long t1 = System.nanoTime();
        long aged = jpa.txExpr(TransactionType.Supports, em -> receivables.aging(em, ScopeFilter.unrestricted(), to, null, 100).partnerCount());
        long t2 = System.nanoTime();
        int runs = 0;
        int results = 0;
        for (ProgrammeData p : rebates.programmes(sys)) {
            if (p.active() && p.period().equals("MONTHLY")) {
                try {
                    results += rebates.run(sys, new RunInput(p.id(), from)).results().size();
                    runs++;
                } catch (org.opencrm.platform.api.ConflictException approved) {
                    // the month's run was approved already: its figures are fixed
                }
            }
        }
        long t3 = System.nanoTime();
        return new Figures(statements.size(), rows, (t1 - t0) / 1e9, aged, (t2 - t1) / 1e9, runs, results, (t3 - t2) / 1e9);
    }
}
