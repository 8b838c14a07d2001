package org.opencrm.module.channel.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.CollectionData;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.ChangeInput;
import org.opencrm.module.channel.internal.dto.CreditNoteInput;
import org.opencrm.module.channel.internal.dto.DecisionInput;
import org.opencrm.module.channel.internal.dto.LineInput;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.dto.PaymentData;
import org.opencrm.module.channel.internal.dto.PaymentInput;
import org.opencrm.module.channel.internal.dto.ProgrammeData;
import org.opencrm.module.channel.internal.dto.ProgrammeInput;
import org.opencrm.module.channel.internal.dto.ReasonInput;
import org.opencrm.module.channel.internal.dto.RunData;
import org.opencrm.module.channel.internal.dto.RunInput;
import org.opencrm.module.channel.internal.dto.ShipInput;
import org.opencrm.module.channel.internal.dto.ShipLineInput;
import org.opencrm.module.channel.internal.dto.ShipmentData;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.module.channel.internal.dto.WriteOffData;
import org.opencrm.module.channel.internal.dto.WriteOffInput;
import org.opencrm.module.channel.internal.model.Invoice;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.testkit.CrmTestKit;

/** The services on the real core (test kit): credit exposure, orders to payments, allocation, aging, grades, scope, rebates, races. */
class ChannelTest {
    private final ChannelOnTestKit t = new ChannelOnTestKit();

    @AfterEach
    void close() {
        t.close();
    }

    private static BigDecimal y(String s) {
        return new BigDecimal(s);
    }

    @Test
    void exposureCountsReceivablesAndOrdersNotInvoicedAndAnOrderOverTheLimitWritesNothing() {
        long p = t.partner("华东一级代理", "10000", "MONTHLY");
        OrderData first = t.order(t.hq, p, 8, null);
        assertEquals("SUBMITTED", first.status());
        assertEquals(y("8000.00"), t.partners.credit(t.hq, p).exposure());
        long orders = t.count("CF_ORDER");
        long lines = t.count("CF_ORDER_LINE");
        long audits = t.kit.auditEntries().size();
        CreditRefusedException refused = assertThrows(CreditRefusedException.class, () -> t.order(t.hq, p, 3, null));
        assertEquals("credit_limit", refused.code());
        assertEquals(CreditRefusedException.KEY_LIMIT, refused.messageKey());
        assertEquals(y("10000.00"), refused.limit());
        assertEquals(y("11000.00"), refused.exposure());
        assertEquals(y("1000.00"), refused.shortfall());
        assertEquals(orders, t.count("CF_ORDER"));
        assertEquals(lines, t.count("CF_ORDER_LINE"));
        assertEquals(audits, t.kit.auditEntries().size());
        assertTrue(t.kit.postedEvents().stream().anyMatch(e -> e.topic().equals("crm/channel/CREDIT_REFUSED")));
        // up to the limit exactly passes
        OrderData second = t.order(t.hq, p, 2, null);
        assertEquals(y("0.00"), t.partners.credit(t.hq, p).available());
        // an invoiced, unpaid shipment still counts (as receivable instead of pending)
        t.orders.approve(t.hq, second.id(), null);
        t.orders.ship(t.hq, second.id(), null);
        assertEquals(y("2000.00"), t.partners.credit(t.hq, p).receivables());
        assertEquals(y("8000.00"), t.partners.credit(t.hq, p).pendingOrders());
        assertThrows(CreditRefusedException.class, () -> t.order(t.hq, p, 1, null));
        // a cancelled order frees its credit
        t.orders.cancel(t.hq, first.id(), new ReasonInput("客户取消"));
        assertEquals(y("8000.00"), t.partners.credit(t.hq, p).available());
    }

    @Test
    void anOverrideNeedsThePermissionAndAReasonAndTheApprovalChecksAgain() {
        long p = t.partner("华南代理", "10000", "MONTHLY");
        OrderData first = t.order(t.hq, p, 8, null);
        CrmUser sales = t.kit.hq("sales", ChannelModule.READ, ChannelModule.ORDER);
        assertThrows(AccessDeniedException.class, () -> t.order(sales, p, 5, "大客户"));
        OrderData over = t.order(t.hq, p, 5, "春节备货，总经理批准");
        assertEquals("春节备货，总经理批准", over.overrideReason());
        assertEquals("hq-finance", over.overrideBy());
        assertTrue(t.kit.auditEntries().stream().anyMatch(a -> a.action().equals("submit") && String.valueOf(a.changes()).contains("春节备货")));
        // the first order is now over the limit too (13,000 of 10,000): its approval is refused, unless overridden
        CreditRefusedException again = assertThrows(CreditRefusedException.class, () -> t.orders.approve(t.hq, first.id(), null));
        assertEquals(y("13000.00"), again.exposure());
        assertEquals("SUBMITTED", t.orders.get(t.hq, first.id()).status());
        assertEquals("APPROVED", t.orders.approve(t.hq, first.id(), new ReasonInput("回款已确认")).status());
    }

    @Test
    void partialShipmentsInvoicePaymentsAllocateOldestFirstAndTheLedgerBalances() {
        long p = t.partner("西南代理", "100000", "MONTHLY");
        OrderData o = t.orders.submit(t.hq, new OrderInput(p, List.of(new LineInput("P1", 10), new LineInput("P2", 3)), "首批", null));
        assertEquals(y("10999.99"), o.total());
        t.orders.approve(t.hq, o.id(), null);
        ShipmentData s1 = t.orders.ship(t.hq, o.id(), new ShipInput(List.of(new ShipLineInput(o.lines().get(0).id(), 4, null))));
        assertEquals(y("4000.00"), s1.amount());
        assertEquals("PARTIALLY_SHIPPED", t.orders.get(t.hq, o.id()).status());
        assertEquals(LocalDate.of(2024, 4, 19), t.receivables.invoice(t.hq, s1.invoiceId()).dueOn());
        assertEquals(y("10999.99"), t.partners.credit(t.hq, p).exposure());
        t.days(5);
        ShipmentData s2 = t.orders.ship(t.hq, o.id(), null);
        assertEquals(y("6999.99"), s2.amount());
        assertEquals("SHIPPED", t.orders.get(t.hq, o.id()).status());
        PaymentData pay = t.receivables.pay(t.hq, new PaymentInput(p, "BANK_TRANSFER", y("5000"), "B-1", null));
        assertEquals(2, pay.allocations().size());
        assertEquals(s1.invoiceId(), pay.allocations().get(0).invoiceId());
        assertEquals(y("4000.00"), pay.allocations().get(0).amount());
        assertEquals(y("1000.00"), pay.allocations().get(1).amount());
        t.receivables.creditNote(t.hq, new CreditNoteInput(p, "RETURN", y("999.99"), "退货", null));
        assertEquals(y("5000.00"), t.receivables.invoice(t.hq, s2.invoiceId()).open());
        PaymentData last = t.receivables.pay(t.hq, new PaymentInput(p, "ACCEPTANCE_BILL", y("6000"), "承兑-7", null));
        assertEquals(y("1000.00"), last.unallocated());
        assertEquals("PAID", t.orders.get(t.hq, o.id()).status());
        // balance = invoices - payments - credit notes, and equals open invoices less unallocated credit
        assertEquals(1_099_999 - 1_100_000 - 99_999, t.ledgerSum(p));
        assertEquals(t.ledgerSum(p), t.openInvoicesLessCredits(p));
        StatementData st = t.receivables.statement(t.hq, p, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertEquals(y("0.00"), st.opening());
        assertEquals(y("10999.99"), st.invoices());
        assertEquals(y("11000.00"), st.payments());
        assertEquals(y("999.99"), st.creditNotes());
        assertEquals(y("-1000.00"), st.closing());
        assertEquals(5, st.entries().size());
        assertEquals(y("-1000.00"), st.entries().get(4).balance());
        // the month-end close's statements of every partner at once (grouped queries) say the same
        StatementData batch = t.jpa.txExpr(TransactionType.Supports, em -> t.receivables.statements(em, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)))
                .stream().filter(x -> x.accountId() == p).findFirst().orElseThrow();
        assertEquals(st, batch);
        // what was paid ahead pays the next invoice
        OrderData next = t.order(t.hq, p, 2, null);
        t.orders.approve(t.hq, next.id(), null);
        ShipmentData s3 = t.orders.ship(t.hq, next.id(), null);
        assertEquals(y("1000.00"), t.receivables.invoice(t.hq, s3.invoiceId()).open());
        assertEquals(t.ledgerSum(p), t.openInvoicesLessCredits(p));
        assertTrue(t.kit.timelineEntries().stream().anyMatch(e -> e.accountId() == p && e.type().equals("channel.payment")));
        assertTrue(t.kit.postedEvents().stream().anyMatch(e -> e.topic().equals("crm/channel/SHIPPED")));
        // an explicit allocation goes where it is told
        t.days(1);
        OrderData later = t.order(t.hq, p, 1, null);
        t.orders.approve(t.hq, later.id(), null);
        ShipmentData s4 = t.orders.ship(t.hq, later.id(), null);
        PaymentData named = t.receivables.pay(t.hq, new PaymentInput(p, "CASH", y("500"), null, List.of(s4.invoiceId())));
        assertEquals(s4.invoiceId(), named.allocations().get(0).invoiceId());
        assertEquals(y("1000.00"), t.receivables.invoice(t.hq, s3.invoiceId()).open());
    }

    @Test
    void agingOnGivenDatesOverdueBlocksOrdersAndCollectionHolds() {
        long p = t.partner("华北代理", "100000", "MONTHLY");
        OrderData o = t.order(t.hq, p, 1, null);
        t.orders.approve(t.hq, o.id(), null);
        ShipmentData s = t.orders.ship(t.hq, o.id(), null); // 2024-03-20, due 2024-04-19
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 4, 19), p, 10).totals().current());
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 4, 20), p, 10).totals().days1to30());
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 5, 19), p, 10).totals().days1to30());
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 5, 20), p, 10).totals().days31to60());
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 7, 19), p, 10).totals().over90());
        assertEquals(y("0.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 3, 19), p, 10).totals().total());
        t.clock.set(LocalDate.of(2024, 5, 20).atTime(9, 0));
        // 31 days overdue: more than the 30 allowed
        CreditRefusedException refused = assertThrows(CreditRefusedException.class, () -> t.order(t.hq, p, 1, null));
        assertEquals("credit_overdue", refused.code());
        assertEquals(1, t.receivables.collect(t.hq).reminders());
        assertEquals(0, t.receivables.collect(t.hq).reminders()); // once per level
        // the reminder is a core activity of the partner's account, due today, for its account manager, and on its timeline
        List<CrmTestKit.KitActivity> reminders = t.kit.activitiesOf(p);
        assertEquals(1, reminders.size());
        assertEquals(ChannelModule.COLLECTION_ACTIVITY, reminders.get(0).type());
        assertEquals("OPEN", reminders.get(0).status());
        assertEquals(LocalDate.of(2024, 5, 20), reminders.get(0).dueDate());
        assertEquals(t.partners.get(t.hq, p).accountManager(), reminders.get(0).owner());
        assertNotNull(reminders.get(0).owner());
        // what it says is kept as a message key and its arguments, said in each reader's language; the core's activity keeps the
        // English words (its search) and the module's text, which the module's timeline types say in the reader's language
        String number = t.receivables.invoice(t.hq, s.invoiceId()).number();
        assertEquals("Payment reminder (level 2): invoice " + number + " is 31 days overdue, ¥1,000.00 open", reminders.get(0).subject());
        assertEquals("collection.reminder.activity", reminders.get(0).subjectKey());
        assertEquals(List.of("2", number, "31", "1,000.00"), reminders.get(0).subjectArgs());
        org.opencrm.platform.api.ui.TimelineTypes texts = new org.opencrm.module.channel.internal.ui.ChannelTimelineTypes();
        assertEquals("催款提醒（第 2 级）：发票 " + number + " 已逾期 31 天，未收 ¥1,000.00",
                texts.title(reminders.get(0).subjectKey(), reminders.get(0).subjectArgs(), java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals(reminders.get(0).subject(), texts.title(reminders.get(0).subjectKey(), reminders.get(0).subjectArgs(), java.util.Locale.ENGLISH),
                "the stored words are the English text");
        assertEquals(List.of("Payment reminder (level 2): invoice " + number + " is 31 days overdue, ¥1,000.00 open"),
                t.receivables.reminders(t.hq, p, java.util.Locale.ENGLISH));
        assertEquals(List.of("催款提醒（第 2 级）：发票 " + number + " 已逾期 31 天，未收 ¥1,000.00"), t.receivables.reminders(t.hq, p, java.util.Locale.CHINA));
        assertTrue(t.kit.timelineEntries().stream().anyMatch(e -> e.accountId() != null && e.accountId() == p && e.type().equals("ACTIVITY_CHANNEL_COLLECTION")
                && e.moduleId().equals(ChannelModule.ID)));
        assertEquals("NORMAL", t.partners.get(t.hq, p).creditStatus());
        t.clock.set(LocalDate.of(2024, 6, 19).atTime(9, 0)); // 61 days
        CollectionData run = t.receivables.collect(t.hq, java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(1, run.holds());
        assertEquals(List.of("华北代理：发票 " + number + " 催款提醒（第 3 级）", "华北代理：已冻结"), run.actions(), "said in the reader's language");
        assertEquals(2, t.receivables.reminders(t.hq, p, java.util.Locale.ENGLISH).size());
        assertTrue(t.receivables.reminders(t.hq, p, java.util.Locale.ENGLISH).get(0).startsWith("Payment reminder (level 3)"), "newest first");
        PartnerData held = t.partners.get(t.hq, p);
        assertEquals("ON_HOLD", held.creditStatus());
        // the automatic hold's reason in the reader's language, one language at a time
        assertEquals("automatic: invoice " + number + " overdue 61 days (more than 60)", held.creditStatusReason());
        assertEquals("自动冻结：发票 " + number + " 已逾期 61 天（超过 60 天）", t.partners.get(t.hq, p, java.util.Locale.SIMPLIFIED_CHINESE).creditStatusReason());
        assertEquals("自动冻结：发票 " + number + " 已逾期 61 天（超过 60 天）",
                t.partners.history(t.hq, p, PageRequest.of(null, 0, 1), java.util.Locale.SIMPLIFIED_CHINESE).items().get(0).reason());
        t.receivables.pay(t.hq, new PaymentInput(p, "BANK_TRANSFER", y("1000"), null, null)); // paid 2024-06-19
        // as of a date before the payment the invoice is still open
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 6, 18), p, 10).totals().days31to60());
        assertEquals(y("0.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 6, 19), p, 10).totals().total());
        // the day it was settled is kept on the invoice (open as of D: settled after D); a database from before it gets it at start
        assertEquals(LocalDate.of(2024, 6, 19), t.jpa.txExpr(TransactionType.Supports, em -> em.find(Invoice.class, s.invoiceId()).settledOn));
        t.jpa.tx(TransactionType.Required, em -> {
            em.createQuery("UPDATE Invoice i SET i.settledOn = NULL WHERE i.id = :i").setParameter("i", s.invoiceId()).executeUpdate();
        });
        t.jpa.tx(TransactionType.Required, em -> { // schema step 2, as on a database from before the day settled was kept
            try {
                ChannelSchema.settledOn(em.unwrap(java.sql.Connection.class));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(LocalDate.of(2024, 6, 19), t.jpa.txExpr(TransactionType.Supports, em -> em.find(Invoice.class, s.invoiceId()).settledOn));
        assertEquals(y("1000.00"), t.receivables.aging(t.hq, LocalDate.of(2024, 6, 18), p, 10).totals().days31to60());
        assertEquals("credit_hold", assertThrows(CreditRefusedException.class, () -> t.order(t.hq, p, 1, null)).code());
        t.partners.change(t.hq, p, new ChangeInput(null, null, null, "NORMAL", "回款到账"));
        assertEquals("SUBMITTED", t.order(t.hq, p, 1, null).status());
        assertEquals(s.invoiceId(), t.receivables.invoices(t.hq, p, false, PageRequest.of(null, 0, 10)).items().get(0).id());
    }

    @Test
    void anOrderIsPricedAtThePartnersGrade() {
        t.catalogue.setPrice(t.hq, new org.opencrm.module.channel.internal.dto.PriceData("GOLD", "P1", null, y("900.00")));
        long standard = t.partner("普通价代理", "100000", "MONTHLY");
        long gold = t.partner("金牌价代理", "100000", "MONTHLY");
        t.partners.change(t.hq, gold, new ChangeInput("GOLD", null, null, null, "战略合作"));
        OrderData atGold = t.order(t.hq, gold, 3, null);
        assertEquals(y("900.00"), atGold.lines().get(0).unitPrice());
        assertEquals(y("2700.00"), atGold.total());
        assertEquals(y("3000.00"), t.order(t.hq, standard, 3, null).total());
        // the invoice is what the order's lines were priced at, whatever the list says later
        t.catalogue.setPrice(t.hq, new org.opencrm.module.channel.internal.dto.PriceData("GOLD", "P1", null, y("950.00")));
        t.orders.approve(t.hq, atGold.id(), null);
        assertEquals(y("2700.00"), t.orders.ship(t.hq, atGold.id(), null).amount());
    }

    @Test
    void aBlacklistedPartnersOrderIsRefusedAndNothingIsWritten() {
        long p = t.partner("黑名单代理", "100000", "MONTHLY");
        t.partners.change(t.hq, p, new ChangeInput(null, null, null, "BLACKLISTED", "恶意拖欠"));
        long orders = t.count("CF_ORDER");
        CreditRefusedException refused = assertThrows(CreditRefusedException.class, () -> t.order(t.hq, p, 1, null));
        assertEquals("credit_hold", refused.code());
        assertEquals(CreditRefusedException.KEY_HOLD, refused.messageKey());
        assertTrue(refused.getMessage().contains("BLACKLISTED") && refused.getMessage().contains("恶意拖欠"), refused.getMessage());
        assertEquals(orders, t.count("CF_ORDER"));
        CrmUser partnerUser = t.partnerUser("bl-user", p);
        assertEquals("credit_hold", assertThrows(CreditRefusedException.class, () -> t.order(partnerUser, p, 1, null)).code());
        assertEquals(orders, t.count("CF_ORDER"));
    }

    @Test
    void theOverdueDaysThatBlockOrdersAreConfigurable() {
        try (ChannelOnTestKit k = new ChannelOnTestKit(ChannelOnTestKit.START, new ChannelSettings.Rules(Grades.defaults(), 10, 60, 0))) {
            long p = k.partner("逾期代理", "100000", "CASH_ON_DELIVERY");
            k.shipped(p, 1); // due the day it shipped, 20 March
            k.clock.set(LocalDate.of(2024, 3, 30).atTime(9, 0));
            assertEquals("SUBMITTED", k.order(k.hq, p, 1, null).status()); // 10 days overdue: not more than 10
            k.clock.set(LocalDate.of(2024, 3, 31).atTime(9, 0));
            CreditRefusedException refused = assertThrows(CreditRefusedException.class, () -> k.order(k.hq, p, 1, null));
            assertEquals("credit_overdue", refused.code());
            assertEquals(CreditRefusedException.KEY_OVERDUE, refused.messageKey());
            assertTrue(refused.getMessage().contains("overdue 11 days (more than 10)"), refused.getMessage());
        }
        // the default (30) lets the same partner order at 11 days overdue
        long p = t.partner("逾期代理", "100000", "CASH_ON_DELIVERY");
        t.shipped(p, 1);
        t.clock.set(LocalDate.of(2024, 3, 31).atTime(9, 0));
        assertEquals("SUBMITTED", t.order(t.hq, p, 1, null).status());
    }

    @Test
    void anOrderIsCancelledOnlyBeforeItShips() {
        long p = t.partner("取消代理", "100000", "MONTHLY");
        OrderData o = t.order(t.hq, p, 4, null);
        t.orders.approve(t.hq, o.id(), null);
        long line = o.lines().get(0).id();
        t.orders.ship(t.hq, o.id(), new ShipInput(List.of(new ShipLineInput(line, 1, null))));
        ConflictException partly = assertThrows(ConflictException.class, () -> t.orders.cancel(t.hq, o.id(), new ReasonInput("客户变卦")));
        assertEquals("channel.order.notCancellable", partly.messageKey());
        t.orders.ship(t.hq, o.id(), null);
        assertEquals("channel.order.notCancellable", assertThrows(ConflictException.class, () -> t.orders.cancel(t.hq, o.id(), new ReasonInput("x"))).messageKey());
        assertEquals("SHIPPED", t.orders.get(t.hq, o.id()).status());
        OrderData approved = t.order(t.hq, p, 1, null);
        t.orders.approve(t.hq, approved.id(), null);
        assertEquals("CANCELLED", t.orders.cancel(t.hq, approved.id(), new ReasonInput("重复下单")).status());
    }

    @Test
    void gradesMoveOnShipmentHqFixesOneWithAReasonAndTheWindowMovesOn() {
        long p = t.partner("钻石候选", "5000000", "MONTHLY");
        assertEquals("STANDARD", t.partners.get(t.hq, p).grade());
        OrderData o = t.order(t.hq, p, 999, null);
        t.orders.approve(t.hq, o.id(), null);
        t.orders.ship(t.hq, o.id(), null); // 999,000
        assertEquals("STANDARD", t.partners.get(t.hq, p).grade());
        OrderData o2 = t.order(t.hq, p, 1, null);
        t.orders.approve(t.hq, o2.id(), null);
        t.orders.ship(t.hq, o2.id(), null); // 1,000,000 reached exactly
        PartnerData silver = t.partners.get(t.hq, p);
        assertEquals("SILVER", silver.grade());
        assertEquals(y("1000000.00"), silver.trailingSellIn());
        assertTrue(t.kit.postedEvents().stream().anyMatch(e -> e.topic().equals("crm/channel/GRADE_CHANGED") && "SILVER".equals(e.properties().get("grade"))));
        // a return takes it back below
        t.receivables.creditNote(t.hq, new CreditNoteInput(p, "RETURN", y("0.01"), "退一台的差价", null));
        assertEquals("STANDARD", t.partners.get(t.hq, p).grade());
        t.partners.change(t.hq, p, new ChangeInput("GOLD", null, null, null, "战略合作伙伴"));
        assertEquals("GOLD", t.partners.get(t.hq, p).grade());
        assertTrue(t.partners.get(t.hq, p).gradeFixed());
        assertEquals(0, t.partners.evaluateAll());
        assertEquals("GOLD", t.partners.get(t.hq, p).grade());
        CrmUser finance = t.kit.hq("fin", ChannelModule.READ, ChannelModule.FINANCE);
        assertThrows(AccessDeniedException.class, () -> t.partners.change(finance, p, new ChangeInput("DIAMOND", null, null, null, "x")));
        t.partners.change(t.hq, p, new ChangeInput("AUTO", null, null, null, "合作结束"));
        assertEquals("STANDARD", t.partners.get(t.hq, p).grade());
        // a year later the window has no sales left
        t.clock.set(LocalDate.of(2025, 3, 21).atTime(2, 0));
        assertEquals(0, t.partners.evaluateAll());
        assertEquals(y("0.00"), t.partners.get(t.hq, p).trailingSellIn());
        List<String> kinds = t.partners.history(t.hq, p, PageRequest.of(null, 0, 50)).items().stream().map(h -> h.kind() + ":" + h.toValue()).toList();
        assertTrue(kinds.containsAll(List.of("GRADE:SILVER", "GRADE:GOLD", "CREDIT_LIMIT:5000000.00", "TERM:MONTHLY")), kinds.toString());
        // the system's reasons in the reader's language, a user's as typed
        List<String> reasons = t.partners.history(t.hq, p, PageRequest.of(null, 0, 50), java.util.Locale.SIMPLIFIED_CHINESE).items().stream()
                .map(h -> h.reason()).toList();
        assertTrue(reasons.contains("总部：战略合作伙伴"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.matches("恢复自动评级（合作结束）：近 12 个月净进货 ¥[0-9,]+\\.[0-9]{2}")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.matches("发货 SH[0-9]+：近 12 个月净进货 ¥1,000,000\\.00")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.matches("退货 CN[0-9]+：近 12 个月净进货 ¥999,999\\.99")), reasons.toString());
        assertEquals(List.of("test", "test", "test"), reasons.stream().filter(r -> r.matches(".*[a-z]{2,}.*")).toList(), "only the typed reasons have English words");
        assertTrue(t.partners.history(t.hq, p, PageRequest.of(null, 0, 50)).items().stream().anyMatch(h -> h.reason().equals("HQ: 战略合作伙伴")),
                "and in English by default");
        t.partners.change(t.hq, p, new ChangeInput(null, y("6000000"), null, null, "年度评审"));
        t.partners.change(t.hq, p, new ChangeInput(null, null, "QUARTERLY", null, "年度评审"));
        assertEquals(90, t.partners.get(t.hq, p).termDays());
    }

    @Test
    void aPartnersUsersSeeOnlyTheirOwnSubtreeAndNotFoundForAnotherPartner() {
        long a = t.partner("甲代理", "100000", "MONTHLY");
        long b = t.partner("乙代理", "100000", "MONTHLY");
        long storeOfA = t.kit.account("甲代理门店", "STORE", null, a);
        t.partners.create(t.hq, new org.opencrm.module.channel.internal.dto.PartnerInput(storeOfA, null, y("1000"), "CASH_ON_DELIVERY", null, null, null));
        OrderData ofB = t.order(t.hq, b, 1, null);
        CrmUser userA = t.partnerUser("a-user", a);
        OrderData own = t.order(userA, a, 1, null);
        OrderData store = t.order(userA, storeOfA, 1, null);
        assertEquals(2, t.orders.list(userA, null, null, PageRequest.of(null, 0, 50)).total());
        assertEquals(own.id(), t.orders.get(userA, own.id()).id());
        assertEquals(store.id(), t.orders.get(userA, store.id()).id());
        assertThrows(RecordNotFoundException.class, () -> t.orders.get(userA, ofB.id()));
        assertThrows(RecordNotFoundException.class, () -> t.order(userA, b, 1, null));
        assertThrows(RecordNotFoundException.class, () -> t.partners.get(userA, b));
        assertThrows(RecordNotFoundException.class, () -> t.receivables.statement(userA, b, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
        assertThrows(RecordNotFoundException.class, () -> t.orders.cancel(userA, ofB.id(), new ReasonInput("x")));
        assertEquals(2, t.partners.list(userA, PageRequest.of(null, 0, 50), null, null).total());
        assertEquals(3, t.partners.list(t.hq, PageRequest.of(null, 0, 50), null, null).total());
        assertNotNull(t.receivables.statement(userA, a, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
        // the partner's user cannot approve, ship or pay
        assertThrows(AccessDeniedException.class, () -> t.orders.approve(userA, own.id(), null));
        assertThrows(AccessDeniedException.class, () -> t.receivables.pay(userA, new PaymentInput(a, "CASH", y("1"), null, null)));
    }

    @Test
    void aPartnersUserSeesOnlyItsOwnRebateResultsAndItsOwnGradesPrices() {
        long a = t.partner("范围甲", "1000000", "MONTHLY");
        long b = t.partner("范围乙", "1000000", "MONTHLY");
        t.shipped(a, 2);
        t.shipped(b, 5);
        ProgrammeData prog = t.rebates.create(t.hq, new ProgrammeInput("M-SCOPE", "月度返利", "MONTHLY", null, "WHOLE", "0:1", null, null));
        ProgrammeData diamond = t.rebates.create(t.hq, new ProgrammeInput("M-DIAMOND", "钻石返利", "MONTHLY", "DIAMOND", "WHOLE", "0:1", null, null));
        RunData run = t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 3, 1)));
        RunData none = t.rebates.run(t.hq, new RunInput(diamond.id(), LocalDate.of(2024, 3, 1)));
        assertEquals(y("70.00"), run.total());
        CrmUser userA = t.partnerUser("a-user", a);
        RunData seen = t.rebates.get(userA, run.id());
        assertEquals(List.of(a), seen.results().stream().map(r -> r.accountId()).toList());
        assertEquals(y("20.00"), seen.total());
        assertEquals(1, seen.partners());
        var listed = t.rebates.runs(userA, PageRequest.of(null, 0, 50));
        assertEquals(1, listed.total());
        assertEquals(y("20.00"), listed.items().get(0).total());
        assertEquals(2, t.rebates.runs(t.hq, PageRequest.of(null, 0, 50)).total());
        assertEquals(y("70.00"), t.rebates.runs(t.hq, PageRequest.of(null, 0, 50)).items().stream().filter(r -> r.id() == run.id()).findFirst().get().total());
        assertThrows(RecordNotFoundException.class, () -> t.rebates.get(userA, none.id()));
        // prices: a STANDARD partner's user sees STANDARD's only, HQ every grade
        t.catalogue.setPrice(t.hq, new org.opencrm.module.channel.internal.dto.PriceData("GOLD", "P1", null, y("900.00")));
        assertEquals(List.of("STANDARD"), t.catalogue.prices(userA, null).stream().map(p -> p.grade()).distinct().toList());
        assertTrue(t.catalogue.prices(userA, "GOLD").isEmpty());
        assertEquals(List.of("DIAMOND", "GOLD", "SILVER", "STANDARD"), t.catalogue.prices(t.hq, null).stream().map(p -> p.grade()).distinct().sorted().toList());
    }

    @Test
    void aRebateRunRepeatedGivesTheSameAnswerAndSettlesOnceAsACreditNote() {
        long a = t.partner("返利甲", "1000000", "MONTHLY");
        long b = t.partner("返利乙", "1000000", "MONTHLY");
        t.shipped(a, 60);
        t.shipped(b, 3);
        t.receivables.creditNote(t.hq, new CreditNoteInput(a, "RETURN", y("1000"), "退货", null));
        ProgrammeData prog = t.rebates.create(t.hq, new ProgrammeInput("M-2024", "月度返利", "MONTHLY", null, "MARGINAL", "0:1;50000:2", y("50000"), y("888")));
        assertThrows(org.opencrm.platform.api.InvalidInputException.class, () -> t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 4, 1))));
        RunData preview = t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 3, 1)));
        assertEquals("period_open", assertThrows(ConflictException.class, () -> t.rebates.approve(t.hq, preview.id())).code());
        t.clock.set(LocalDate.of(2024, 4, 2).atTime(9, 0));
        assertEquals("computed_before_close", assertThrows(ConflictException.class, () -> t.rebates.approve(t.hq, preview.id())).code());
        RunData first = t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 3, 1)));
        // a: net 59,000: 50,000 at 1 % + 9,000 at 2 % = 680, target met +888; b: 3,000 at 1 % = 30
        assertEquals(2, first.partners());
        assertEquals(y("1568.00"), first.results().stream().filter(r -> r.accountId() == a).findFirst().get().total());
        assertEquals(y("30.00"), first.results().stream().filter(r -> r.accountId() == b).findFirst().get().total());
        RunData again = t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 3, 1)));
        assertEquals(preview.id(), first.id());
        assertEquals(preview.results(), first.results());
        assertEquals(first.id(), again.id());
        assertEquals(first.total(), again.total());
        assertEquals(first.results(), again.results());
        // four eyes: who computed the run last does not approve it
        ConflictException own = assertThrows(ConflictException.class, () -> t.rebates.approve(t.hq, first.id()));
        assertEquals("four_eyes", own.code());
        assertEquals("channel.run.fourEyes", own.messageKey());
        assertEquals("APPROVED", t.rebates.approve(t.kit.hq("cfo", "channel.*"), first.id()).status());
        assertThrows(ConflictException.class, () -> t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 3, 1))));
        long before = t.ledgerSum(a);
        RunData settled = t.rebates.settle(t.hq, first.id());
        assertEquals("SETTLED", settled.status());
        assertEquals(before - 156_800, t.ledgerSum(a));
        t.rebates.settle(t.hq, first.id());
        assertEquals(before - 156_800, t.ledgerSum(a));
        assertEquals(2, t.receivables.creditNotes(t.hq, a, PageRequest.of(null, 0, 10)).total());
        assertEquals(y("1568.00"), t.receivables.statement(t.hq, a, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).rebatesEarned());
        assertEquals(t.ledgerSum(a), t.openInvoicesLessCredits(a));
    }

    @Test
    void aGradeProgrammeTakesTheGradeHeldAtThePeriodsEndSoALaterChangeDoesNotChangeARepeatedRun() {
        long a = t.partner("牌级甲", "1000000", "MONTHLY");
        long b = t.partner("牌级乙", "1000000", "MONTHLY");
        t.partners.change(t.hq, b, new ChangeInput("SILVER", null, null, null, "战略合作"));
        t.shipped(a, 2);
        t.shipped(b, 3);
        ProgrammeData silver = t.rebates.create(t.hq, new ProgrammeInput("M-SILVER", "银牌返利", "MONTHLY", "SILVER", "WHOLE", "0:1", null, null));
        t.clock.set(LocalDate.of(2024, 4, 2).atTime(9, 0));
        RunData first = t.rebates.run(t.hq, new RunInput(silver.id(), LocalDate.of(2024, 3, 1)));
        // only b held SILVER on 31 March: 3,000 at 1 %
        assertEquals(List.of(b), first.results().stream().map(r -> r.accountId()).toList());
        assertEquals(y("30.00"), first.total());
        // the grades change in April, after the period: the March run computed again gives the same answer
        t.partners.change(t.hq, a, new ChangeInput("SILVER", null, null, null, "升级"));
        t.partners.change(t.hq, b, new ChangeInput("STANDARD", null, null, null, "降级"));
        RunData again = t.rebates.run(t.hq, new RunInput(silver.id(), LocalDate.of(2024, 3, 1)));
        assertEquals(first.results(), again.results());
        assertEquals(first.total(), again.total());
        // and April's run takes April's grades
        t.shipped(a, 4);
        t.clock.set(LocalDate.of(2024, 5, 3).atTime(9, 0));
        RunData april = t.rebates.run(t.hq, new RunInput(silver.id(), LocalDate.of(2024, 4, 1)));
        assertEquals(List.of(a), april.results().stream().map(r -> r.accountId()).toList());
        assertEquals(y("40.00"), april.total());
    }

    @Test
    void aQuarterlyRunTakesTheWholeQuarter() {
        long q = t.partner("季度代理", "1000000", "QUARTERLY"); // 90 days: the January invoice is not overdue in March
        OrderData january = t.order(t.hq, q, 3, null);
        t.orders.approve(t.hq, january.id(), null);
        t.orders.ship(t.hq, january.id(), null, LocalDate.of(2024, 1, 15));
        t.shipped(q, 4);
        ProgrammeData prog = t.rebates.create(t.hq, new ProgrammeInput("Q-2024", "季度返利", "QUARTERLY", null, "MARGINAL", "0:1;5000:2", null, null));
        t.clock.set(LocalDate.of(2024, 4, 2).atTime(9, 0));
        t.shipped(q, 5);
        assertEquals("channel.period.start", assertThrows(org.opencrm.platform.api.InvalidInputException.class,
                () -> t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 2, 1)))).messageKey());
        RunData run = t.rebates.run(t.hq, new RunInput(prog.id(), LocalDate.of(2024, 1, 1)));
        assertEquals(LocalDate.of(2024, 3, 31), run.periodEnd());
        // January's 3,000 and March's 4,000 (not April's 5,000): 5,000 at 1 % + 2,000 at 2 % = 90
        assertEquals(1, run.partners());
        assertEquals(y("7000.00"), run.results().get(0).netSellIn());
        assertEquals(y("90.00"), run.total());
        assertEquals("APPROVED", t.rebates.approve(t.kit.hq("cfo", "channel.*"), run.id()).status());
    }

    @Test
    void aStatementCountsOnlyApprovedOrSettledRebatesAsEarned() {
        long a = t.partner("预览返利", "1000000", "MONTHLY");
        t.shipped(a, 10);
        ProgrammeData prog = t.rebates.create(t.hq, new ProgrammeInput("M-PREVIEW", "月度返利", "MONTHLY", null, "WHOLE", "0:1", null, null));
        LocalDate from = LocalDate.of(2024, 3, 1);
        LocalDate to = LocalDate.of(2024, 3, 31);
        // a preview of the open month: 10,000 at 1 % = 100, computed but not earned
        RunData preview = t.rebates.run(t.hq, new RunInput(prog.id(), from));
        assertEquals("COMPUTED", preview.status());
        assertEquals(y("100.00"), preview.total());
        assertEquals(y("0.00"), t.receivables.statement(t.hq, a, from, to).rebatesEarned());
        assertEquals(y("0.00"), grouped(a, from, to).rebatesEarned());
        t.clock.set(LocalDate.of(2024, 4, 2).atTime(9, 0));
        RunData run = t.rebates.run(t.hq, new RunInput(prog.id(), from));
        assertEquals(y("0.00"), t.receivables.statement(t.hq, a, from, to).rebatesEarned());
        t.rebates.approve(t.kit.hq("cfo", "channel.*"), run.id());
        assertEquals(y("100.00"), t.receivables.statement(t.hq, a, from, to).rebatesEarned());
        assertEquals(y("100.00"), grouped(a, from, to).rebatesEarned());
        t.rebates.settle(t.hq, run.id());
        assertEquals(y("100.00"), t.receivables.statement(t.hq, a, from, to).rebatesEarned());
        assertEquals(y("100.00"), grouped(a, from, to).rebatesEarned());
    }

    /** The partner's statement as the month-end close makes it (grouped over every partner). */
    private StatementData grouped(long account, LocalDate from, LocalDate to) {
        return t.jpa.txExpr(TransactionType.Supports, em -> t.receivables.statements(em, from, to)).stream().filter(s -> s.accountId() == account).findFirst()
                .orElseThrow();
    }

    @Test
    void aWriteOffNeedsAnotherUsersApprovalAndGoesToTheLedger() {
        long p = t.partner("坏账代理", "100000", "MONTHLY");
        OrderData o = t.order(t.hq, p, 3, null);
        t.orders.approve(t.hq, o.id(), null);
        ShipmentData s = t.orders.ship(t.hq, o.id(), null);
        CrmUser finance = t.kit.hq("fin", ChannelModule.READ, ChannelModule.FINANCE);
        WriteOffData w = t.receivables.requestWriteOff(finance, new WriteOffInput(s.invoiceId(), y("1000"), "破产清算"));
        assertEquals("REQUESTED", w.status());
        assertEquals(y("3000.00"), t.partners.credit(t.hq, p).receivables());
        CrmUser admin2 = t.kit.hq("cfo", "channel.*");
        assertThrows(AccessDeniedException.class, () -> t.receivables.decideWriteOff(finance, w.id(), new DecisionInput(true, null)));
        // deciding is its own permission: channel.admin alone does not do it, channel.writeoff alone does
        CrmUser channelAdmin = t.kit.hq("partners-admin", ChannelModule.READ, ChannelModule.FINANCE, ChannelModule.ADMIN);
        assertThrows(AccessDeniedException.class, () -> t.receivables.decideWriteOff(channelAdmin, w.id(), new DecisionInput(true, null)));
        CrmUser controller = t.kit.hq("credit-controller", ChannelModule.READ, ChannelModule.WRITEOFF);
        WriteOffData rejected = t.receivables.decideWriteOff(controller, t.receivables.requestWriteOff(finance, new WriteOffInput(s.invoiceId(), y("1"), "测试"))
                .id(), new DecisionInput(false, "证据不足"));
        assertEquals("REJECTED", rejected.status());
        assertEquals(y("3000.00"), t.partners.credit(t.hq, p).receivables());
        WriteOffData done = t.receivables.decideWriteOff(admin2, w.id(), new DecisionInput(true, "同意"));
        assertEquals("APPROVED", done.status());
        assertEquals(y("2000.00"), t.partners.credit(t.hq, p).receivables());
        assertEquals(y("2000.00"), t.receivables.invoice(t.hq, s.invoiceId()).open());
        assertThrows(ConflictException.class, () -> t.receivables.decideWriteOff(admin2, w.id(), new DecisionInput(true, null)));
        WriteOffData own = t.receivables.requestWriteOff(admin2, new WriteOffInput(s.invoiceId(), null, "全部"));
        assertEquals("four_eyes", assertThrows(ConflictException.class, () -> t.receivables.decideWriteOff(admin2, own.id(), new DecisionInput(true, null))).code());
        assertEquals(t.ledgerSum(p), t.openInvoicesLessCredits(p));
    }

    @Test
    void ordersRacingForTheLastCreditPassOnlyWhileTheLimitHolds() throws Exception {
        long p = t.partner("并发代理", "10000", "MONTHLY");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Boolean> c = () -> {
                    start.await();
                    try {
                        t.order(t.hq, p, 3, null);
                        return true;
                    } catch (CreditRefusedException refused) {
                        return false;
                    }
                };
                results.add(pool.submit(c));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> f : results) {
                passed += f.get() ? 1 : 0;
            }
            assertEquals(3, passed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, t.count("CF_ORDER"));
        assertEquals(y("9000.00"), t.partners.credit(t.hq, p).exposure());
        assertFalse(t.partners.credit(t.hq, p).exposure().compareTo(y("10000")) > 0);
        assertNull(t.orders.list(t.hq, p, null, PageRequest.of(null, 0, 10)).items().get(0).overrideReason());
    }
}
