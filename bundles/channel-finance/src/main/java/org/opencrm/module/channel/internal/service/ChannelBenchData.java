package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.internal.ChannelNames;
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
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The month-end benchmark's data (issue 15 item 10), written straight into the module's tables in batches: N partners,
 * each with a shipment and its invoice in every month of a year, paid 20–49 days later (the last two months of two
 * partners in three left open), and a monthly rebate programme. Used by the unit benchmark (MonthEndBenchmark, in-memory
 * Derby) and by {@code channel:bench-data} (the distribution's benchmark, {@code run.sh --channel}, on-disk Derby).
 * The partners' accounts are synthetic ids (from 1,000,000,000) that no core account has: it refuses to run on an
 * instance whose module has partners, so it never mixes with real data.
 */
@Component(service = ChannelBenchData.class)
public class ChannelBenchData {
    static final long FIRST_ACCOUNT = 1_000_000_000L;
    private final JpaTemplate jpa;
    private final RebateService rebates;

    @Activate
    public ChannelBenchData(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference RebateService rebates) {
        this.jpa = jpa;
        this.rebates = rebates;
    }

    /** What was loaded: partners, rows written (all tables), seconds. */
    public record Loaded(int partners, long rows, double seconds) {
    }

    public Loaded load(int partners, int year) {
        if (partners < 1 || partners > 100_000) {
            throw new InvalidInputException("partners", "partners is between 1 and 100000", "channel.bench.partners");
        }
        long existing = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(p) FROM PartnerProfile p", Long.class).getSingleResult());
        if (existing > 0) {
            throw new ConflictException("not_empty", "partners", "the module has " + existing + " partners: benchmark data goes into an empty instance only",
                    "channel.bench.notEmpty", existing);
        }
        long t0 = System.nanoTime();
        rebates.create(CrmUser.SYSTEM, new ProgrammeInput("BENCH-M", "月度返利", "MONTHLY", null, "MARGINAL", "0:0.5;200000:1;1000000:1.5",
                new BigDecimal("500000"), new BigDecimal("5000")));
        long rows = 0;
        int batch = 250;
        for (int from = 0; from < partners; from += batch) {
            int first = from;
            rows += jpa.txExpr(TransactionType.RequiresNew, em -> {
                long r = 0;
                for (int i = first; i < Math.min(partners, first + batch); i++) {
                    long account = FIRST_ACCOUNT + i;
                    PartnerProfile p = new PartnerProfile();
                    p.accountId = account;
                    p.accountName = "基准伙伴 " + i;
                    p.channelType = ChannelType.REGIONAL_DISTRIBUTOR;
                    p.grade = "STANDARD";
                    p.creditLimitFen = 100_000_000;
                    p.term = SettlementTerm.MONTHLY;
                    p.creditStatus = CreditStatus.NORMAL;
                    em.persist(p);
                    r++;
                    for (int m = 0; m < 12; m++) {
                        LocalDate day = LocalDate.of(year, 1 + m, 1 + (i % 25));
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
        return new Loaded(partners, rows, (System.nanoTime() - t0) / 1e9);
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
