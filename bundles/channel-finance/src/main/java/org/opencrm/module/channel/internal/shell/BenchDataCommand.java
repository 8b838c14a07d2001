package org.opencrm.module.channel.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.service.ChannelBenchData;

/** The month-end benchmark's data, on an empty instance only (distribution/benchmarks/run.sh --channel). */
@Command(scope = "channel", name = "bench-data", description = "Benchmark data for the month-end close: N synthetic partners with a year of shipments, invoices, payments (an instance without partners only)")
@Service
public class BenchDataCommand implements Action {
    @Reference
    ChannelBenchData bench;

    @Option(name = "--partners", description = "how many partners (default 5000)")
    int partners = 5000;

    @Option(name = "--year", description = "the year of activity (default 2024)")
    int year = 2024;

    @Override
    public Object execute() {
        ChannelBenchData.Loaded l = bench.load(partners, year);
        System.out.printf(java.util.Locale.ROOT, "%d partners, %d rows loaded in %.1f s%n", l.partners(), l.rows(), l.seconds());
        return null;
    }
}
