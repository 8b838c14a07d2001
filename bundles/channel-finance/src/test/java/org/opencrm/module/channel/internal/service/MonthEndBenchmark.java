package org.opencrm.module.channel.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The month-end close benchmark (issue 15 item 10), not a test: {@code -Dchannel.benchmark=5000} loads that many
 * partners with 12 months of shipments, invoices, ledger entries, payments and allocations ({@link ChannelBenchData},
 * the loader of {@code channel:bench-data}) into the test kit's Derby (in memory) and times {@link MonthEnd#close}: every
 * partner's statement, the aging, the monthly rebate run. On the distribution (on-disk Derby): {@code run.sh --channel}.
 * Run: {@code mvn -o test -pl bundles/channel-finance -Dtest=MonthEndBenchmark -Dchannel.benchmark=5000}.
 */
@EnabledIfSystemProperty(named = "channel.benchmark", matches = "\\d+")
class MonthEndBenchmark {
    @Test
    void monthEndClose() {
        int partners = Integer.getInteger("channel.benchmark");
        try (ChannelOnTestKit t = new ChannelOnTestKit(LocalDate.of(2025, 1, 5).atTime(10, 0).atZone(org.opencrm.platform.testkit.CrmTestKit.ZONE).toInstant())) {
            // the module's bulk loader, as channel:bench-data runs it in the distribution's benchmark (run.sh --channel)
            ChannelBenchData.Loaded loaded = new ChannelBenchData(t.jpa, t.rebates).load(partners, 2024);
            long rows = loaded.rows();
            double load = loaded.seconds();
            MonthEnd monthEnd = new MonthEnd(t.jpa, t.receivables, t.rebates);
            MonthEnd.Figures f = monthEnd.close(YearMonth.of(2024, 12));
            assertEquals(partners, f.partners());
            assertTrue(f.rebateResults() > 0);
            System.out.printf(Locale.ROOT, "CHANNEL MONTH-END BENCHMARK: %d partners, %d rows loaded in %.1f s; statements %.1f s (%d ledger rows, %.0f rows/s, %.0f partners/s);"
                    + " aging %.1f s (%d partners open); rebate run %.1f s (%d results, %.0f partners/s); close %.1f s in all%n", partners, rows, load,
                    f.statementSeconds(), f.ledgerRows(), f.ledgerRows() / f.statementSeconds(), partners / f.statementSeconds(), f.agingSeconds(),
                    f.agingPartners(), f.rebateSeconds(), f.rebateResults(), partners / f.rebateSeconds(), f.totalSeconds());
            // the goal: 5,000 partners under 60 s (scaled to the partners loaded, for smaller runs)
            double goal = 60.0 * partners / 5000;
            System.out.printf(Locale.ROOT, "CHANNEL MONTH-END GOAL: %.1f s against %.1f s (60 s per 5,000 partners): %s; %.0f rows/s over the %d rows loaded%n",
                    f.totalSeconds(), goal, f.totalSeconds() <= goal ? "PASS" : "MISS", rows / f.totalSeconds(), rows);
        }
    }
}
