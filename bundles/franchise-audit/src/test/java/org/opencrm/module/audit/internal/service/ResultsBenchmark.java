package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opencrm.module.audit.internal.model.StoreResult;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.security.CrmUser;

/**
 * The results benchmark (issue 16 item 11), not a test: {@code -Daudit.benchmark=2000} builds a network of that many
 * stores (20 franchisees in 5 regions) on the test kit's in-memory Derby, loads {@code -Daudit.benchmark.months=12}
 * monthly audits per store with the module's own demo loader (the default checklist), and times the results calls
 * the screens and REST make — the store ranking page (best and worst first, one region, as HQ, as a region and as a
 * franchisee), a store's history, regions, the network trend, the most failed items and the ranking's CSV export —
 * beside a <b>ceiling measured in the same run</b>: the cheapest read the same stack can do (one StoreResult by its
 * key in a transaction of the module's persistence unit). Writes {@code target/audit-results-benchmark.md}.
 * Run: {@code mvn -o test -pl bundles/franchise-audit -Dtest=ResultsBenchmark -Daudit.benchmark=2000}.
 */
@EnabledIfSystemProperty(named = "audit.benchmark", matches = "\\d+")
class ResultsBenchmark {
    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    private record Stat(String what, int runs, double p50, double p95, double p99, double max, double mean) {
        String row(Stat ceiling) {
            return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s |", what, runs, p50, p95, p99, max, mean,
                    ceiling == null ? "—" : String.format(Locale.ROOT, "%.0f×", mean / ceiling.mean()), p95 < 1000 ? "PASS" : "**MISS**");
        }
    }

    @Test
    void results() throws IOException {
        int stores = Integer.getInteger("audit.benchmark");
        int months = Integer.getInteger("audit.benchmark.months", 12);
        String load0 = loadAverage();
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            long loadStart = System.nanoTime();
            List<Long> partners = new ArrayList<>();
            String[] regions = { "EAST", "SOUTH", "NORTH", "WEST", "CENTRAL" };
            for (int p = 0; p < 20; p++) {
                partners.add(t.kit.account("加盟商 " + p, "FRANCHISEE", regions[p % regions.length], null));
            }
            List<AccountRef> network = new ArrayList<>();
            for (int s = 0; s < stores; s++) {
                long id = t.kit.account("门店 " + s, "STORE", regions[(s % 20) % regions.length], partners.get(s % 20));
                network.add(t.kit.directory().account(id).orElseThrow());
            }
            double accountsSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(Locale.ROOT, "AUDIT BENCHMARK %d store accounts in %.1f s; loading the audits%n", stores, accountsSeconds);
            long demoStart = System.nanoTime();
            int audits = t.demo.load(network, months, TemplateService.DEFAULT_CODE, "sup", 16);
            double demoSeconds = (System.nanoTime() - demoStart) / 1e9;
            System.out.printf(Locale.ROOT, "AUDIT BENCHMARK %d audits in %.1f s (load average %s)%n", audits, demoSeconds, loadAverage());
            int items = t.jpa.txExpr(TransactionType.Supports, em -> TemplateService.items(em, t.templates.published(em, TemplateService.DEFAULT_CODE).id).size());
            assertEquals(stores * months, audits);
            assertEquals(stores, t.results.ranking(t.hq, null, false, PageRequest.of(null, 0, 1)).total());

            CrmUser regionUser = t.kit.region("reg", "SOUTH", READ);
            CrmUser franchisee = t.kit.partner("fr", partners.get(1), READ);
            Random r = new Random(7);
            List<Stat> stats = new ArrayList<>();
            Stat ceiling = measure("ceiling: one StoreResult by key (em.find in a transaction)",
                    i -> t.jpa.txExpr(TransactionType.Supports, em -> em.find(StoreResult.class, network.get(r.nextInt(stores)).id())));
            stats.add(measure("ranking page (50, best first, random page), HQ", i -> t.results.ranking(t.hq, null, false,
                    PageRequest.of(null, r.nextInt(Math.max(1, stores / 50)) * 50, 50))));
            stats.add(measure("ranking page (50, worst first, first page), HQ", i -> t.results.ranking(t.hq, null, true, PageRequest.of(null, 0, 50))));
            stats.add(measure("ranking page of one region (50), HQ", i -> t.results.ranking(t.hq, regions[r.nextInt(5)], false, PageRequest.of(null, 0, 50))));
            stats.add(measure("ranking page (50), region user (its " + stores / 5 + " stores)",
                    i -> t.results.ranking(regionUser, null, false, PageRequest.of(null, 0, 50))));
            stats.add(measure("ranking page (50), franchisee (its " + stores / 20 + " stores)",
                    i -> t.results.ranking(franchisee, null, false, PageRequest.of(null, 0, 50))));
            stats.add(measure("store history (" + months + " audits), HQ", i -> t.results.history(t.hq, network.get(r.nextInt(stores)).id())));
            stats.add(measure("store history, franchisee (own store)", i -> t.results.history(franchisee, network.get(1 + 20 * r.nextInt(stores / 20)).id())));
            stats.add(measure("regions, HQ", i -> t.results.regions(t.hq)));
            stats.add(measure("network trend (12 months), HQ", i -> t.results.trend(t.hq, null, 12)));
            stats.add(measure("most failed items (12 months), HQ", i -> t.results.mostFailed(t.hq, null, null, 20)));
            AuditExports exports = new AuditExports(t.results, t.actions);
            stats.add(measure("ranking CSV export, all " + stores + " stores, HQ", 3, 20,
                    i -> exports.ranking(t.hq, null, false, Locale.SIMPLIFIED_CHINESE).writeTo(OutputStream.nullOutputStream())));

            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "%d stores × %d audits (%d audits, %d items each, default checklist); in-memory Derby of the test kit.%n%n",
                    stores, months, audits, items));
            md.append(String.format(Locale.ROOT, "Load: %d store accounts in %.1f s, the audits (demo loader) in %.1f s (%.0f audits/s).%n", stores,
                    accountsSeconds, demoSeconds, audits / demoSeconds));
            md.append(String.format(Locale.ROOT, "Load average before / after: %s / %s; %d cores; JVM heap max %d MB.%n%n", load0, loadAverage(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
            md.append("| Call (one client, sequential) | Runs | p50 ms | p95 ms | p99 ms | max ms | mean ms | mean ÷ ceiling | p95 < 1 s |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            md.append(ceiling.row(null)).append('\n');
            for (Stat s : stats) {
                md.append(s.row(ceiling)).append('\n');
            }
            md.append(String.format(Locale.ROOT, "%nBenchmark JVM: %.1f s CPU over %.1f s wall since it started.%n", cpuSeconds(),
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
            System.out.println("AUDIT RESULTS BENCHMARK\n" + md);
            Files.writeString(Path.of("target", "audit-results-benchmark.md"), md.toString(), StandardCharsets.UTF_8);
        }
    }

    private static Stat measure(String what, IntConsumer op) {
        return measure(what, WARMUP, RUNS, op);
    }

    /** Each row as soon as it is measured (a long run on a loaded machine may be stopped before the report). */
    private static Stat measure(String what, int warmup, int runs, IntConsumer op) {
        Stat s = timed(what, warmup, runs, op);
        System.out.println("AUDIT BENCHMARK ROW " + s.row(null) + " (load average " + loadAverage() + ")");
        System.out.flush();
        return s;
    }

    private static Stat timed(String what, int warmup, int runs, IntConsumer op) {
        for (int i = 0; i < warmup; i++) {
            op.accept(i);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.accept(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Stat(what, runs, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[runs - 1], Arrays.stream(ms).average().orElse(0));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
