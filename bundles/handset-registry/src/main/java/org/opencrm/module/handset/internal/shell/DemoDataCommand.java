package org.opencrm.module.handset.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.handset.internal.service.BulkLoader;
import org.opencrm.platform.api.security.CrmUser;

@Command(scope = "handset", name = "demo-data", description = "Register many demo handsets fast (valid, unique IMEIs; 4 demo models), e.g. for a benchmark")
@Service
public class DemoDataCommand implements Action {
    @Reference
    BulkLoader loader;

    @Argument(index = 0, name = "count", required = false, description = "number of units (default 1000)")
    int count = 1000;

    @Option(name = "--dual-sim-percent", description = "share of dual-SIM units with a second IMEI (default 30)")
    int dualSimPercent = 30;

    @Option(name = "--sold-percent", description = "share of units sold to --contact through --store (default 0)")
    int soldPercent = 0;

    @Option(name = "--contact", description = "owner contact id of the sold units")
    Long contactId;

    @Option(name = "--store", description = "store account id of the sold units")
    Long storeAccountId;

    @Override
    public Object execute() {
        long start = System.nanoTime();
        BulkLoader.Result r = loader.load(CrmUser.SYSTEM, new BulkLoader.Options(count, dualSimPercent, soldPercent, contactId, storeAccountId));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Registered %d handsets (%d dual-SIM, %d sold), ids %d..%d, e.g. IMEI %s, in %.1f s (%.0f/s)%n", r.units(), r.dualSim(),
                r.sold(), r.firstId(), r.lastId(), r.sampleImei(), seconds, r.units() / Math.max(seconds, 0.001));
        return null;
    }
}
