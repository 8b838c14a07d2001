package org.opencrm.module.channel.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opencrm.module.channel.internal.dto.ProgrammeInput;
import org.opencrm.module.channel.internal.model.Allocation;
import org.opencrm.module.channel.internal.model.ChannelType;
import org.opencrm.module.channel.internal.model.CreditStatus;
import org.opencrm.module.channel.internal.model.Invoice;
import org.opencrm.module.channel.internal.model.LedgerEntry;
import org.opencrm.module.channel.internal.model.LedgerKind;
import org.opencrm.module.channel.internal.model.PartnerProfile;
import org.opencrm.module.channel.internal.model.Payment;
import org.opencrm.module.channel.internal.model.PaymentMethod;
import org.opencrm.module.channel.internal.model.SettlementTerm;
import org.opencrm.module.channel.internal.model.Shipment;

/**
 * The month-end close benchmark (issue 15 item 10), not a test: {@code -Dchannel.benchmark=5000} loads that many
 * partners with 12 months of shipments, invoices, ledger entries, payments and allocations straight into the test kit's
 * Derby (in memory) and times {@link MonthEnd#close}: every partner's statement, the aging, the monthly rebate run.
 * Run: {@code mvn -o test -pl bundles/channel-finance -Dtest=MonthEndBenchmark -Dchannel.benchmark=5000}.
 */
@EnabledIfSystemProperty(named = "channel.benchmark", matches = "\\d+")
class MonthEndBenchmark {
    @Test
    void monthEndClose() {
        int partners = Integer.getInteger("channel.benchmark");
        try (ChannelOnTestKit t = new ChannelOnTestKit(LocalDate.of(2025, 1, 5).atTime(10, 0).atZone(org.opencrm.platform.testkit.CrmTestKit.ZONE).toInstant())) {
            t.rebates.create(t.hq, new ProgrammeInput("BENCH-M", "月度返利", "MONTHLY", null, "MARGINAL", "0:0.5;200000:1;1000000:1.5", new BigDecimal("500000"),
                    new BigDecimal("5000")));
            long load0 = System.nanoTime();
            long rows = 0;
            int batch = 250;
            for (int from = 0; from < partners; from += batch) {
                int first = from;
                rows += t.jpa.txExpr(TransactionType.RequiresNew, em -> {
                    long r = 0;
                    for (int i = first; i < Math.min(partners, first + batch); i++) {
                        long account = 1_000_000L + i;
                        PartnerProfile p = new PartnerProfile();
                        p.accountId = account;
                        p.accountName = "伙伴 " + i;
                        p.channelType = ChannelType.REGIONAL_DISTRIBUTOR;
                        p.grade = "STANDARD";
                        p.creditLimitFen = 100_000_000;
                        p.term = SettlementTerm.MONTHLY;
                        p.creditStatus = CreditStatus.NORMAL;
                        em.persist(p);
                        r++;
                        for (int m = 0; m < 12; m++) {
                            LocalDate day = LocalDate.of(2024, 1 + m, 1 + (i % 25));
                            long amount = 1_000_00L * (1 + (i * 7 + m * 13) % 90);
                            Shipment s = new Shipment();
                            s.accountId = account;
                            s.orderId = 0;
                            s.shippedOn = day;
                            s.amountFen = amount;
                            em.persist(s);
                            Invoice inv = new Invoice();
                            inv.accountId = account;
                            inv.shipmentId = s.id;
                            inv.issuedOn = day;
                            inv.dueOn = day.plusDays(30);
                            inv.amountFen = amount;
                            boolean paid = m < 10 || (i % 3 == 0);
                            inv.openFen = paid ? 0 : amount;
                            em.persist(inv);
                            inv.number = "INV" + inv.id;
                            em.persist(ledger(account, LedgerKind.INVOICE, inv.id, amount, day));
                            r += 3;
                            if (paid) {
                                LocalDate on = day.plusDays(20 + (i % 30));
                                Payment pay = new Payment();
                                pay.accountId = account;
                                pay.method = PaymentMethod.BANK_TRANSFER;
                                pay.amountFen = amount;
                                pay.receivedOn = on;
                                em.persist(pay);
                                em.persist(ledger(account, LedgerKind.PAYMENT, pay.id, -amount, on));
                                Allocation a = new Allocation();
                                a.accountId = account;
                                a.invoiceId = inv.id;
                                a.sourceKind = LedgerKind.PAYMENT;
                                a.sourceId = pay.id;
                                a.amountFen = amount;
                                a.onDate = on;
                                em.persist(a);
                                inv.settledOn = on; // as the allocation that closes an invoice sets it
                                r += 3;
                            }
                        }
                    }
                    return r;
                });
            }
            double load = (System.nanoTime() - load0) / 1e9;
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

    private static LedgerEntry ledger(long account, LedgerKind kind, long doc, long amount, LocalDate day) {
        LedgerEntry l = new LedgerEntry();
        l.accountId = account;
        l.kind = kind;
        l.documentId = doc;
        l.documentNumber = kind.name().charAt(0) + Long.toString(doc);
        l.amountFen = amount;
        l.onDate = day;
        return l;
    }
}
