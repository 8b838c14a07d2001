package org.opencrm.platform.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.demo.DemoDataLoader;

@Command(scope = "crm", name = "demo-data", description = "Load a realistic demo data set: distributors, stores, service centres, contacts across China, activities")
@Service
public class DemoDataCommand implements Action {
    @Reference
    DemoDataLoader loader;

    @Option(name = "--contacts", description = "number of contacts (default 300)")
    int contacts = 300;

    @Option(name = "--seed", description = "random seed; the same seed gives the same data")
    long seed = 20261123L;

    @Override
    public Object execute() {
        long start = System.nanoTime();
        DemoDataLoader.Result r = loader.load(CrmUser.SYSTEM, contacts, seed);
        System.out.printf("Loaded %d accounts, %d contacts (%d households), %d activities in %.1f s%n", r.accounts(), r.contacts(),
                r.households(), r.activities(), (System.nanoTime() - start) / 1e9);
        return null;
    }
}
