package org.opencrm.module.audit.internal.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.dto.PlanData;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.service.AuditBenchData;
import org.opencrm.module.audit.internal.service.AuditService;
import org.opencrm.module.audit.internal.service.TemplateService;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.security.CrmUser;

/** The module's shell commands (audit:*), run as the system user. */
public final class AuditCommands {
    private AuditCommands() {
    }

    @Command(scope = "audit", name = "demo-data", description = "A year of demo audits (one a month) for the stores of the network (run crm:demo-data first), a plan for "
            + "a supervisor, open and overdue actions")
    @Service
    public static class DemoData implements Action {
        @Reference
        AuditRuntime rt;

        @Option(name = "--months", description = "months of history (default 12)")
        int months = 12;

        @Option(name = "--stores", description = "at most this many stores (default 500)")
        int stores = 500;

        @Option(name = "--supervisor", description = "the supervisor's user name (default supervisor)")
        String supervisor = "supervisor";

        @Option(name = "--seed", description = "random seed (default 16)")
        long seed = 16;

        @Override
        public Object execute() {
            List<AccountRef> found = new ArrayList<>();
            for (String type : AuditService.STORE_TYPES) {
                found.addAll(rt.directory.findAccounts(CrmUser.SYSTEM, null, type, stores));
            }
            found = found.stream().filter(a -> a.type().equals("STORE")).limit(stores).toList();
            if (found.isEmpty()) {
                System.out.println("No store accounts: load the network first (crm:demo-data), then run audit:demo-data again.");
                return null;
            }
            long start = System.nanoTime();
            int audits = rt.demo.load(found, months, TemplateService.DEFAULT_CODE, supervisor, seed);
            rt.plans.create(CrmUser.SYSTEM, new PlanData(null, "演示巡店计划 Demo plan", TemplateService.DEFAULT_CODE, 3, 1, supervisor, "admin", null, null,
                    found.stream().map(AccountRef::id).toList(), null, null, null));
            System.out.printf("%d audits of %d stores over %d months, in %.1f s; a plan assigns the stores to %s.%n", audits, found.size(), months,
                    (System.nanoTime() - start) / 1e9, supervisor);
            return null;
        }
    }

    @Command(scope = "audit", name = "bench-data", description = "Benchmark data (benchmark instances only, refused when the module has audits): "
            + "a checklist of N items, stores as core accounts under franchisees in five regions, one submitted audit a month per store, in JDBC batches")
    @Service
    public static class BenchData implements Action {
        @Reference
        AuditRuntime rt;

        @Option(name = "--stores", description = "stores (default 10000)")
        int stores = 10_000;

        @Option(name = "--months", description = "months of audits per store (default 24)")
        int months = 24;

        @Option(name = "--items", description = "items of the checklist (default 60)")
        int items = 60;

        @Option(name = "--seed", description = "random seed (default 16)")
        long seed = 16;

        @Override
        public Object execute() {
            AuditBenchData.Loaded l = rt.bench.load(stores, months, items, seed);
            System.out.printf(java.util.Locale.ROOT, "%d stores, %d audits, %d items, %d actions, %d rows loaded in %.1f s (store accounts %.1f s)%n",
                    l.stores(), l.audits(), l.items(), l.actions(), l.rows(), l.seconds(), l.accountSeconds());
            return null;
        }
    }

    @Command(scope = "audit", name = "escalate", description = "Escalate overdue corrective actions now (it also runs every escalationMinutes)")
    @Service
    public static class Escalate implements Action {
        @Reference
        AuditRuntime rt;

        @Override
        public Object execute() {
            System.out.println(rt.actions.escalateOverdue() + " overdue actions escalated.");
            return null;
        }
    }

    @Command(scope = "audit", name = "templates", description = "Checklist templates and their versions")
    @Service
    public static class Templates implements Action {
        @Reference
        AuditRuntime rt;

        @Override
        public Object execute() {
            System.out.printf("%-6s %-10s %-4s %-10s %-6s %s%n", "ID", "CODE", "V", "STATUS", "LANG", "NAME");
            for (TemplateData t : rt.templates.list(CrmUser.SYSTEM)) {
                System.out.printf("%-6d %-10s %-4d %-10s %-6s %s%n", t.id(), t.code(), t.version(), t.status(), t.language(), t.name());
            }
            return null;
        }
    }

    @Command(scope = "audit", name = "ranking", description = "Stores by their latest audit score (best first; --worst: worst first)")
    @Service
    public static class Ranking implements Action {
        @Reference
        AuditRuntime rt;

        @Argument(index = 0, name = "count", required = false, description = "how many stores (default 20)")
        int count = 20;

        @Option(name = "--worst", description = "worst first")
        boolean worst;

        @Option(name = "--region", description = "only stores of this region")
        String region;

        @Override
        public Object execute() {
            var page = rt.results.ranking(CrmUser.SYSTEM, region, worst, PageRequest.of(null, 0, count));
            System.out.printf("%-5s %-8s %-6s %-11s %-8s %s%n", "RANK", "SCORE", "GRADE", "DATE", "REGION", "STORE");
            for (ResultData.StoreRank r : page.items()) {
                System.out.printf("%-5d %-8s %-6s %-11s %-8s %s%n", r.rank(), r.score(), r.grade(), r.auditDate(), r.region() == null ? "" : r.region(),
                        r.storeName());
            }
            System.out.println(page.total() + " stores audited.");
            return null;
        }
    }
}
