package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opencrm.module.channel.internal.dto.LineInput;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.PartnerInput;
import org.opencrm.module.channel.internal.dto.PaymentInput;
import org.opencrm.module.channel.internal.dto.PriceData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.module.channel.internal.dto.ProgrammeInput;
import org.opencrm.module.channel.internal.dto.ShipInput;
import org.opencrm.module.channel.internal.dto.ShipLineInput;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo data (channel:demo-data): a product catalogue with price lists per grade, a partner network (national,
 * provincial and regional distributors, retail chains, franchisees) below a head-office account, and a year of monthly
 * orders, shipments (some partial) and payments (some late, some missing) ending today, through the module's own
 * services so every rule and record applies. Deterministic for a seed.
 */
@Component(service = ChannelDemo.class)
public class ChannelDemo {
    static final String[][] PRODUCTS = { { "DEMO-X1", "星耀 X1 手机" }, { "DEMO-X1P", "星耀 X1 Pro 手机" }, { "DEMO-A5", "青春 A5 手机" }, { "DEMO-PAD", "平板 Pad 11" },
            { "DEMO-BUDS", "无线耳机 Buds" }, { "DEMO-WATCH", "智能手表 W3" } };
    static final long[] PRICES_FEN = { 2_199_00, 3_499_00, 899_00, 1_899_00, 299_00, 799_00 };
    static final String[] PROVINCES = { "广东", "浙江", "江苏", "山东", "四川", "湖北", "河南", "福建", "湖南", "安徽", "河北", "陕西" };
    private final CustomerDirectory customers;
    private final PartnerService partners;
    private final CatalogueService catalogue;
    private final OrderService orders;
    private final ReceivablesService receivables;
    private final RebateService rebates;
    private final ChannelSettings settings;

    @Activate
    public ChannelDemo(@Reference CustomerDirectory customers, @Reference PartnerService partners, @Reference CatalogueService catalogue,
            @Reference OrderService orders, @Reference ReceivablesService receivables, @Reference RebateService rebates, @Reference ChannelSettings settings) {
        this.customers = customers;
        this.partners = partners;
        this.catalogue = catalogue;
        this.orders = orders;
        this.receivables = receivables;
        this.rebates = rebates;
        this.settings = settings;
    }

    /** What was made. */
    public record Made(int partners, int orders, int shipments, int payments, int refused) {
    }

    public Made create(int partnerCount, int months, long seed) {
        CrmUser sys = CrmUser.SYSTEM;
        Random rnd = new Random(seed);
        List<String> grades = settings.grades().grades().stream().map(Grades.Grade::code).toList();
        for (int i = 0; i < PRODUCTS.length; i++) {
            try {
                catalogue.createProduct(sys, new ProductData(PRODUCTS[i][0], PRODUCTS[i][1], false, null));
            } catch (ConflictException exists) {
                // a second run keeps the catalogue
            }
            for (int g = 0; g < grades.size(); g++) {
                long fen = PRICES_FEN[i] * (100 - 3L * g) / 100; // higher grades buy cheaper
                catalogue.setPrice(sys, new PriceData(grades.get(g), PRODUCTS[i][0], null, BigDecimal.valueOf(fen, 2)));
            }
        }
        try {
            rebates.create(sys, new ProgrammeInput("DEMO-MONTHLY", "月度销量返利", "MONTHLY", null, "MARGINAL", "0:0.5;200000:1;1000000:1.5", new BigDecimal("500000"),
                    new BigDecimal("5000")));
            rebates.create(sys, new ProgrammeInput("DEMO-QUARTER-GOLD", "金牌季度返利", "QUARTERLY", "GOLD", "WHOLE", "0:1;3000000:2", null, null));
        } catch (ConflictException exists) {
            // kept from an earlier run
        }
        long hq = customers.createAccount(sys, "演示渠道总部 " + seed, "OPERATOR", "华东", null).id();
        List<Long> made = new ArrayList<>();
        long national = 0;
        long provincial = 0;
        for (int i = 0; i < partnerCount; i++) {
            String type;
            long parent;
            String name;
            if (i % 50 == 0) {
                type = "NATIONAL_DISTRIBUTOR";
                parent = hq;
                name = "全国总代 " + (i / 50 + 1);
            } else if (i % 10 == 0) {
                type = "PROVINCIAL_DISTRIBUTOR";
                parent = national;
                name = PROVINCES[(i / 10) % PROVINCES.length] + "省代 " + (i / 10);
            } else {
                type = i % 7 == 0 ? "RETAIL_CHAIN" : i % 5 == 0 ? "FRANCHISEE" : "REGIONAL_DISTRIBUTOR";
                parent = provincial == 0 ? national : provincial;
                name = PROVINCES[i % PROVINCES.length] + (type.equals("RETAIL_CHAIN") ? "连锁 " : type.equals("FRANCHISEE") ? "加盟商 " : "区域代理 ") + i;
            }
            long id = customers.createAccount(sys, name + " (" + seed + ")", type, null, parent).id();
            if (type.equals("NATIONAL_DISTRIBUTOR")) {
                national = id;
            } else if (type.equals("PROVINCIAL_DISTRIBUTOR")) {
                provincial = id;
            }
            long limit = type.equals("NATIONAL_DISTRIBUTOR") ? 5_000_000 : type.equals("PROVINCIAL_DISTRIBUTOR") ? 1_500_000 : 300_000;
            String term = i % 9 == 0 ? "QUARTERLY" : i % 13 == 0 ? "CASH_ON_DELIVERY" : "MONTHLY";
            partners.create(sys, new PartnerInput(id, null, BigDecimal.valueOf(limit), term, null, "admin", "demo data"));
            made.add(id);
        }
        int[] counts = new int[4];
        LocalDate today = settings.today();
        for (int m = months; m >= 1; m--) {
            for (long p : made) {
                LocalDate day = today.minusMonths(m).plusDays(rnd.nextInt(20));
                if (day.isAfter(today)) {
                    continue;
                }
                boolean big = partners.get(sys, p).channelType().endsWith("NATIONAL_DISTRIBUTOR") || partners.get(sys, p).channelType().startsWith("PROVINCIAL");
                List<LineInput> lines = new ArrayList<>();
                int kinds = 1 + rnd.nextInt(3);
                for (int k = 0; k < kinds; k++) {
                    lines.add(new LineInput(PRODUCTS[(k + rnd.nextInt(PRODUCTS.length)) % PRODUCTS.length][0], (big ? 40 : 5) + rnd.nextInt(big ? 200 : 40)));
                }
                lines = lines.stream().collect(java.util.stream.Collectors.toMap(LineInput::productCode, l -> l, (x, y) -> x, java.util.LinkedHashMap::new)).values()
                        .stream().toList();
                OrderData o;
                try {
                    o = orders.submit(sys, new OrderInput(p, lines, "演示订单", null), settings.clock().startOf(day).plusSeconds(9 * 3600));
                    orders.approve(sys, o.id(), null, settings.clock().startOf(day).plusSeconds(11 * 3600));
                } catch (CreditRefusedException refused) {
                    counts[3]++;
                    continue;
                }
                counts[0]++;
                if (rnd.nextInt(4) == 0 && o.lines().get(0).quantity() > 1) {
                    orders.ship(sys, o.id(), new ShipInput(List.of(new ShipLineInput(o.lines().get(0).id(), o.lines().get(0).quantity() / 2, null))), day.plusDays(1));
                    counts[1]++;
                }
                orders.ship(sys, o.id(), null, day.plusDays(3));
                counts[1]++;
                // most pay within the term, some late, a few not at all
                int behaviour = rnd.nextInt(20);
                if (behaviour < 17) {
                    LocalDate paid = day.plusDays(behaviour < 14 ? 20 + rnd.nextInt(15) : 60 + rnd.nextInt(40));
                    if (!paid.isAfter(today)) {
                        receivables.pay(sys, new PaymentInput(p, behaviour % 3 == 0 ? "ACCEPTANCE_BILL" : "BANK_TRANSFER", orders.get(sys, o.id()).total(), "DEMO-" + o.id(),
                                null), paid);
                        counts[2]++;
                    }
                }
            }
        }
        return new Made(made.size(), counts[0], counts[1], counts[2], counts[3]);
    }
}
