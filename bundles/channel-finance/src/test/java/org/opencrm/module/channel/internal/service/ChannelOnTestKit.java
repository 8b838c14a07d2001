package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.LineInput;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.PartnerInput;
import org.opencrm.module.channel.internal.dto.PriceData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.testkit.CrmTestKit;
import org.opencrm.platform.testkit.TestClock;

/** The module's services wired as DS wires them, on the test kit (the real core on an in-memory Derby), a clock the test moves. */
final class ChannelOnTestKit implements AutoCloseable {
    static final Instant START = LocalDate.of(2024, 3, 20).atTime(10, 0).atZone(CrmTestKit.ZONE).toInstant();

    final CrmTestKit kit;
    final InMemoryJpa jpa;
    final TestClock clock;
    final ChannelSettings settings;
    final ChannelRecords records;
    final PartnerService partners;
    final CatalogueService catalogue;
    final ReceivablesService receivables;
    final OrderService orders;
    final RebateService rebates;
    final CrmUser hq;
    final long hqAccount;

    ChannelOnTestKit() {
        this(START);
    }

    ChannelOnTestKit(Instant start) {
        this(start, ChannelSettings.Rules.defaults());
    }

    /** With these rules instead of the defaults (e.g. another blockingOverdueDays). */
    ChannelOnTestKit(Instant start, ChannelSettings.Rules rules) {
        kit = new CrmTestKit(start);
        jpa = kit.jpa("crm-channel");
        clock = kit.clock();
        settings = new ChannelSettings(clock, rules);
        kit.activityTypes(new org.opencrm.module.channel.internal.ChannelModule());
        records = new ChannelRecords(kit.audit(), kit.timeline(), kit.events(), clock, kit.activities());
        partners = new PartnerService(jpa, kit.scopes(), kit.directory(), settings, records);
        catalogue = new CatalogueService(jpa, kit.scopes(), settings, records);
        receivables = new ReceivablesService(jpa, kit.scopes(), settings, records, partners);
        orders = new OrderService(jpa, kit.scopes(), settings, records, partners, catalogue, receivables, kit.events());
        rebates = new RebateService(jpa, kit.scopes(), settings, records, receivables);
        hq = kit.hq("hq-finance", "channel.*");
        hqAccount = kit.account("总部", "OPERATOR", "华东", null);
        catalogue.createProduct(hq, new ProductData("P1", "手机 X1", false, null));
        catalogue.createProduct(hq, new ProductData("P2", "手机 X2", false, null));
        for (String grade : List.of("STANDARD", "SILVER", "GOLD", "DIAMOND")) {
            catalogue.setPrice(hq, new PriceData(grade, "P1", null, new BigDecimal("1000.00")));
            catalogue.setPrice(hq, new PriceData(grade, "P2", null, new BigDecimal("333.33")));
        }
    }

    /** A distributor account below HQ made a partner with this credit limit (CNY) and term. */
    long partner(String name, String limit, String term) {
        long id = kit.account(name, "PROVINCIAL_DISTRIBUTOR", null, hqAccount);
        partners.create(hq, new PartnerInput(id, null, new BigDecimal(limit), term, null, "manager-" + id, "test"));
        return id;
    }

    OrderData order(CrmUser user, long partner, int p1, String override) {
        List<LineInput> lines = new ArrayList<>();
        lines.add(new LineInput("P1", p1));
        return orders.submit(user, new OrderInput(partner, lines, null, override));
    }

    /** An order of {@code p1} units of P1 entered, approved and shipped whole by HQ today. */
    org.opencrm.module.channel.internal.dto.ShipmentData shipped(long partner, int p1) {
        OrderData o = order(hq, partner, p1, null);
        orders.approve(hq, o.id(), null);
        return orders.ship(hq, o.id(), null);
    }

    CrmUser partnerUser(String name, long account) {
        return kit.partner(name, account, ChannelModule.READ, ChannelModule.ORDER);
    }

    long count(String table) {
        return jpa.count(table);
    }

    long ledgerSum(long account) {
        return jpa.txExpr(TransactionType.RequiresNew, em -> Books.balance(em, account));
    }

    long openInvoicesLessCredits(long account) {
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            long open = Books.sum(em.createQuery("SELECT SUM(i.openFen) FROM Invoice i WHERE i.accountId = :a").setParameter("a", account).getSingleResult());
            long pay = Books.sum(em.createQuery("SELECT SUM(p.unallocatedFen) FROM Payment p WHERE p.accountId = :a").setParameter("a", account).getSingleResult());
            long cn = Books.sum(em.createQuery("SELECT SUM(c.unallocatedFen) FROM CreditNote c WHERE c.accountId = :a").setParameter("a", account).getSingleResult());
            return open - pay - cn;
        });
    }

    void days(int n) {
        clock.advance(java.time.Duration.ofDays(n));
    }

    @Override
    public void close() {
        kit.close();
    }
}
