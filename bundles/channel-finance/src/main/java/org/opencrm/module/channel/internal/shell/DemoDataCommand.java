package org.opencrm.module.channel.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.service.ChannelDemo;

/** Demo data: a partner network with a year of orders, shipments and payments. */
@Command(scope = "channel", name = "demo-data", description = "Create demo partners (distributors, chains, franchisees) with price lists, rebate programmes and a year of orders, shipments and payments")
@Service
public class DemoDataCommand implements Action {
    @Reference
    ChannelDemo demo;

    @Option(name = "--partners", description = "how many partners (default 300)")
    int partners = 300;

    @Option(name = "--months", description = "months of activity ending today (default 12)")
    int months = 12;

    @Option(name = "--seed", description = "the random seed (each seed makes its own accounts)")
    long seed = System.currentTimeMillis() % 100_000;

    @Override
    public Object execute() {
        long t0 = System.nanoTime();
        ChannelDemo.Made m = demo.create(partners, months, seed);
        System.out.printf("%d partners, %d orders (%d refused by the credit check), %d shipments, %d payments in %.1f s%n", m.partners(), m.orders(), m.refused(),
                m.shipments(), m.payments(), (System.nanoTime() - t0) / 1e9);
        return null;
    }
}
