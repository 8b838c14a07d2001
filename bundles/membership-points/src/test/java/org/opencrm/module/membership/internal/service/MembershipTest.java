package org.opencrm.module.membership.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.module.membership.api.Notification;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.AdjustRequest;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CouponData;
import org.opencrm.module.membership.internal.dto.CouponRequest;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.PointsLedgerEntry;
import org.opencrm.module.membership.internal.dto.PromotionData;
import org.opencrm.module.membership.internal.dto.RedeemRequest;
import org.opencrm.module.membership.internal.dto.Reports;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.dto.ValueRequest;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.ScopeType;

/** Earning, tiers, FIFO expiry, promotions and coupons, cards, stored value, idempotency, refusals and scopes. */
class MembershipTest {
    private MembershipOnTestKit f;
    private long chain;
    private long store;
    private long otherStore;

    @BeforeEach
    void setUp() {
        f = new MembershipOnTestKit();
        chain = f.kit.account("连锁总部", null);
        store = f.kit.account("南山店", chain);
        otherStore = f.kit.account("福田店", chain);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private TxnResult earn(long member, String yuan) {
        return f.ledger.earn(f.admin, member, f.purchase(yuan, store));
    }

    // ---------------------------------------------------------------- earning and tiers

    @Test
    void earningFollowsTheTierAndUpgradesOnThePurchaseThatCrossesTheThreshold() {
        MemberData m = f.member(store, null);
        assertEquals("NORMAL", m.tier());
        assertEquals(1, m.cards().size());
        TxnResult first = earn(m.id(), "4999.99");
        assertEquals(4999, first.points()); // x1.0, full yuan only
        assertEquals("NORMAL", first.tier());
        TxnResult second = earn(m.id(), "0.01"); // spend reaches 5,000.00
        assertEquals(0, second.points());
        assertEquals("SILVER", second.tier());
        TxnResult third = earn(m.id(), "100");
        assertEquals(120, third.points()); // SILVER x1.2
        assertEquals(4999 + 120, third.pointsBalance());
        earn(m.id(), "15000"); // 20,000.01 -> GOLD, earned as SILVER
        MemberData after = f.reload(m.id());
        assertEquals("GOLD", after.tier());
        assertEquals(4999 + 120 + 18000, after.pointsBalance());
        assertEquals(new BigDecimal("20100.00"), after.rollingSpend());
        assertEquals(after.pointsBalance(), f.pointsLedgerSum(m.id()));
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.type().equals("TIER_CHANGED") && t.title().contains("SILVER → GOLD")));
    }

    @Test
    void thePeriodicRunDowngradesWhenSpendLeavesTheWindow() {
        MemberData m = f.member(store, null);
        earn(m.id(), "25000");
        assertEquals("GOLD", f.reload(m.id()).tier());
        f.clock.advance(Duration.ofDays(200));
        earn(m.id(), "6000");
        f.clock.advance(Duration.ofDays(170)); // the 25,000 purchase is now 370 days old; the 6,000 one 170
        Reports.MaintenanceRun run = f.maintenance.run();
        assertEquals(1, run.tierChanges());
        MemberData after = f.reload(m.id());
        assertEquals("SILVER", after.tier());
        assertEquals(new BigDecimal("6000.00"), after.rollingSpend());
    }

    @Test
    void theSameReferenceIsAppliedOnceAndAnswersTheFirstResult() {
        MemberData m = f.member(store, null);
        EarnRequest r = f.purchase("88.80", store);
        TxnResult first = f.ledger.earn(f.admin, m.id(), r);
        TxnResult again = f.ledger.earn(f.admin, m.id(), r);
        TxnResult differentAmount = f.ledger.earn(f.admin, m.id(), new EarnRequest(r.reference(), new BigDecimal("999"), store, null, null, null));
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertTrue(differentAmount.replayed());
        assertEquals(first.points(), again.points());
        assertEquals(first.pointsBalance(), differentAmount.pointsBalance());
        assertEquals(88, f.reload(m.id()).pointsBalance());
        assertEquals(1, f.count("MP_POINTS"));
        // the same reference for another member or another kind is a conflict, not a second application
        MemberData other = f.member(store, null);
        assertEquals("reference_used", assertThrows(ConflictException.class, () -> f.ledger.earn(f.admin, other.id(), r)).code());
        assertEquals("reference_used", assertThrows(ConflictException.class,
                () -> f.ledger.redeem(f.admin, m.id(), new RedeemRequest(r.reference(), 1L, store, null, null))).code());
        assertEquals(0, f.reload(other.id()).pointsBalance());
    }

    @Test
    void redeemingMoreThanTheBalanceIs409WithTheBalanceAndWritesNothing() {
        MemberData m = f.member(store, null);
        earn(m.id(), "300");
        long txns = f.count("MP_TXN");
        long outbox = f.count("MP_OUTBOX");
        InsufficientBalanceException e = assertThrows(InsufficientBalanceException.class,
                () -> f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 301L, store, null, null)));
        assertEquals(300, e.pointsBalance());
        assertEquals("insufficient_points", e.code());
        assertEquals(txns, f.count("MP_TXN"));
        assertEquals(outbox, f.count("MP_OUTBOX"));
        TxnResult ok = f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 250L, store, null, null));
        assertEquals(-250, ok.points());
        assertEquals(50, ok.pointsBalance());
        assertEquals(new BigDecimal("2.50"), ok.amount()); // 100 points = 1 CNY
        assertThrows(InvalidInputException.class, () -> f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 0L, store, null, null)));
        assertThrows(InvalidInputException.class, () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("-1"), store, null, null, null)));
        assertThrows(InvalidInputException.class, () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("1.234"), store, null, null, null)));
        assertThrows(InvalidInputException.class, () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(null, new BigDecimal("1"), store, null, null, null)));
    }

    @Test
    void adjustmentsNeedThePermissionAndAReasonAndNeverGoBelowZero() {
        MemberData m = f.member(store, null);
        CrmUser cashier = f.user("cashier", ScopeType.STORE, store, MembershipModule.CASHIER, MembershipModule.READ);
        assertThrows(AccessDeniedException.class, () -> f.ledger.adjust(cashier, m.id(), new AdjustRequest(f.ref(), 100L, "goodwill")));
        assertEquals("reason", assertThrows(InvalidInputException.class, () -> f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), 100L, " "))).field());
        assertEquals(100, f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), 100L, "complaint 4711")).pointsBalance());
        InsufficientBalanceException e = assertThrows(InsufficientBalanceException.class,
                () -> f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), -101L, "correction")));
        assertEquals(100, e.pointsBalance());
        assertEquals(0, f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), -100L, "correction")).pointsBalance());
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> "adjust-points".equals(a.action())));
    }

    @Test
    void adjustmentsOutsideTheBoundOrOverflowingAreRefusedNamingPointsAndWriteNothing() {
        MemberData m = f.member(store, null);
        f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), 90L, "opening"));
        long ledger = f.jpa.count("MP_POINTS");
        // Math.abs(Long.MIN_VALUE) is negative: the old bound let it through and the balance went to -9.2e18
        for (long points : new long[] { Long.MIN_VALUE, Long.MAX_VALUE, -LedgerService.MAX_POINTS - 1, LedgerService.MAX_POINTS + 1 }) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), points, "overflow")), Long.toString(points));
            assertEquals("points", e.field());
        }
        assertEquals(-LedgerService.MAX_POINTS, LedgerService.points("points", -LedgerService.MAX_POINTS));
        assertThrows(InsufficientBalanceException.class, () -> f.ledger.adjust(f.admin, m.id(), new AdjustRequest(f.ref(), -91L, "too much")));
        assertEquals(90, f.members.get(f.admin, m.id()).pointsBalance());
        assertEquals(ledger, f.jpa.count("MP_POINTS"));
        // the adjustment's audit entry belongs to the member's join store
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> "adjust-points".equals(a.action()) && Long.valueOf(store).equals(a.accountId())));
    }

    @Test
    void theMemberIsWhatRefersToItsContactInTheCallersLanguage() {
        MemberData m = f.member(store, null);
        MemberContactReferences refs = new MemberContactReferences(f.jpa);
        var en = refs.referencesTo(m.contactId(), java.util.Locale.ENGLISH);
        assertEquals(1, en.size());
        assertEquals("1 member (" + m.memberNumber() + ")", en.get(0).description());
        assertTrue(refs.referencesTo(m.contactId(), java.util.Locale.SIMPLIFIED_CHINESE).get(0).description().startsWith("1 个会员"));
        assertEquals(List.of(), refs.referencesTo(m.contactId() + 1000, java.util.Locale.ENGLISH));
        assertEquals(java.util.Set.of(m.contactId()), refs.referencedAmong(List.of(m.contactId(), m.contactId() + 1000)));
    }

    @Test
    void aTillReferenceIsReadOnlyWithinTheScope() {
        MemberData theirs = f.member(otherStore, null);
        String atTheirs = f.ref();
        f.ledger.earn(f.admin, theirs.id(), new EarnRequest(atTheirs, new BigDecimal("10"), otherStore, null, null, null));
        CrmUser clerk = f.user("clerk", ScopeType.STORE, store, MembershipModule.READ, MembershipModule.CASHIER);
        assertThrows(RecordNotFoundException.class, () -> f.ledger.byReference(clerk, atTheirs));
        assertEquals(atTheirs, f.ledger.byReference(f.admin, atTheirs).reference());
        // served at the clerk's own store: the clerk may look it up
        String atMine = f.ref();
        f.ledger.earn(clerk, theirs.id(), new EarnRequest(atMine, new BigDecimal("5"), null, null, null, null));
        assertEquals(atMine, f.ledger.byReference(clerk, atMine).reference());
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void expiryIsTwelveMonthsPerEarningAndRedemptionsConsumeTheOldestFirst() {
        MemberData m = f.member(store, null);
        earn(m.id(), "100"); // lot A: 100 points, expires START + 12 months
        f.clock.advance(Duration.ofDays(180));
        earn(m.id(), "50"); // lot B: 50 points, expires START + 18 months
        f.clock.advance(Duration.ofDays(30));
        f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 30L, store, null, null)); // takes 30 of lot A
        f.clock.set(MembershipOnTestKit.START.atZone(MembershipOnTestKit.SHANGHAI).plusMonths(12).minusMinutes(1).toInstant());
        assertEquals(0, f.maintenance.run().pointsExpired()); // a minute early: nothing
        f.clock.set(MembershipOnTestKit.START.atZone(MembershipOnTestKit.SHANGHAI).plusMonths(12).toInstant());
        Reports.MaintenanceRun run = f.maintenance.run();
        assertEquals(70, run.pointsExpired()); // what is left of lot A
        assertEquals(50, f.reload(m.id()).pointsBalance());
        assertEquals(0, f.maintenance.run().pointsExpired()); // a second run expires nothing more
        // redeem 20 of lot B, then lot B's end expires only the remaining 30
        f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 20L, store, null, null));
        f.clock.set(MembershipOnTestKit.START.atZone(MembershipOnTestKit.SHANGHAI).plusDays(180).plusMonths(12).toInstant());
        assertEquals(30, f.maintenance.run().pointsExpired());
        assertEquals(0, f.reload(m.id()).pointsBalance());
        assertEquals(0, f.pointsLedgerSum(m.id()));
        List<PointsLedgerEntry> ledger = f.ledger.pointsLedger(f.admin, m.id(), PageRequest.of(null, 0, 50)).items();
        assertEquals(List.of("EXPIRE", "REDEEM", "EXPIRE", "REDEEM", "EARN", "EARN"), ledger.stream().map(PointsLedgerEntry::kind).toList());
        assertTrue(ledger.stream().allMatch(e -> e.balanceAfter() >= 0));
    }

    @Test
    void aRedemptionExpiresDuePointsFirstAndThenRefusesWithTheRealBalance() {
        MemberData m = f.member(store, null);
        earn(m.id(), "100");
        f.clock.advance(Duration.ofDays(400));
        earn(m.id(), "10");
        InsufficientBalanceException e = assertThrows(InsufficientBalanceException.class,
                () -> f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 50L, store, null, null)));
        assertEquals(10, e.pointsBalance());
        assertEquals(-10, f.ledger.redeem(f.admin, m.id(), new RedeemRequest(f.ref(), 10L, store, null, null)).points());
        assertEquals(0, f.reload(m.id()).pointsBalance());
        assertEquals(0, f.pointsLedgerSum(m.id()));
    }

    // ---------------------------------------------------------------- promotions and coupons

    @Test
    void promotionsMultiplyByDateStoreAndTierAndTheHighestApplies() {
        MemberData m = f.member(store, null);
        LocalDate today = LocalDate.of(2024, 3, 20);
        f.promotions.create(f.admin, new PromotionData(null, "春季双倍", new BigDecimal("2.0"), today, today.plusDays(10), null, null, true, null));
        f.promotions.create(f.admin, new PromotionData(null, "福田三倍", new BigDecimal("3.0"), today, today, otherStore, null, true, null));
        f.promotions.create(f.admin, new PromotionData(null, "金卡五倍", new BigDecimal("5"), today, today, null, List.of("GOLD"), true, null));
        f.promotions.create(f.admin, new PromotionData(null, "已过期", new BigDecimal("9"), today.minusDays(10), today.minusDays(1), null, null, true, null));
        assertEquals(200, earn(m.id(), "100").points()); // 2.0 everywhere
        assertEquals(300, f.ledger.earn(f.admin, m.id(), f.purchase("100", otherStore)).points()); // 3.0 at that store
        f.clock.advance(Duration.ofDays(11));
        assertEquals(100, earn(m.id(), "100").points()); // all over
        assertThrows(InvalidInputException.class,
                () -> f.promotions.create(f.admin, new PromotionData(null, "bad", new BigDecimal("0.5"), today, today, null, null, true, null)));
        assertThrows(InvalidInputException.class,
                () -> f.promotions.create(f.admin, new PromotionData(null, "bad", new BigDecimal("2"), today, today, null, List.of("DIAMOND"), true, null)));
        CrmUser cashier = f.user("cashier", ScopeType.STORE, store, MembershipModule.CASHIER, MembershipModule.READ);
        assertThrows(AccessDeniedException.class,
                () -> f.promotions.create(cashier, new PromotionData(null, "x", new BigDecimal("2"), today, today, null, null, true, null)));
    }

    @Test
    void birthdayMonthMultiplierAndTierMultiplierCombine() {
        MemberData born = f.member(store, LocalDate.of(1990, 3, 2)); // March: today is 2024-03-20
        MemberData notNow = f.member(store, LocalDate.of(1990, 7, 2));
        assertEquals(200, earn(born.id(), "100").points());
        assertEquals(100, earn(notNow.id(), "100").points());
        earn(born.id(), "5000"); // SILVER now
        assertEquals(240, earn(born.id(), "100").points()); // 1.2 x 2.0
    }

    @Test
    void aCouponIsUsedOnceAndOnlyByItsMember() {
        MemberData m = f.member(store, null);
        MemberData other = f.member(store, null);
        CouponData c = f.promotions.issueCoupon(f.admin, new CouponRequest(m.id(), null, "三倍券", new BigDecimal("3"), 50L, null), f.kit.scopes());
        assertFalse(c.used());
        assertThrows(InvalidInputException.class,
                () -> f.ledger.earn(f.admin, other.id(), new EarnRequest(f.ref(), new BigDecimal("10"), store, null, c.code(), null)));
        TxnResult r = f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("10"), store, null, c.code(), null));
        assertEquals(30 + 50, r.points());
        assertEquals("coupon_used", assertThrows(ConflictException.class,
                () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("10"), store, null, c.code(), null))).code());
        assertTrue(f.promotions.coupon(f.admin, c.code()).used());
        assertEquals(r.reference(), f.promotions.coupon(f.admin, c.code()).usedByReference());
    }

    // ---------------------------------------------------------------- cards

    @Test
    void aLostCardIsBlockedAtOnceAndAReplacementCarriesTheBalances() {
        MemberData m = f.member(store, null);
        String number = m.cards().get(0).cardNumber();
        f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("100"), store, number, null, null));
        f.ledger.topUp(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("200"), store, number, null, null));
        f.cards.reportLost(f.admin, number, "phone call");
        long txns = f.count("MP_TXN");
        assertEquals("card_blocked", assertThrows(ConflictException.class,
                () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("100"), store, number, null, null))).code());
        assertEquals("card_blocked", assertThrows(ConflictException.class,
                () -> f.ledger.spend(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("1"), store, number, null, null))).code());
        assertEquals(txns, f.count("MP_TXN"));
        CardData replacement = f.cards.replace(f.admin, number, "new card");
        assertNotEquals(number, replacement.cardNumber());
        assertTrue(replacement.usable());
        assertEquals("REPLACED", f.cards.get(f.admin, number).status());
        assertEquals("card_blocked", assertThrows(ConflictException.class,
                () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("1"), store, number, null, null))).code());
        TxnResult spent = f.ledger.spend(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("200"), store, replacement.cardNumber(), null, null));
        assertEquals(new BigDecimal("0.00"), spent.valueBalance());
        assertEquals(100, f.reload(m.id()).pointsBalance());
        assertEquals(m.id(), f.members.lookup(f.admin, replacement.cardNumber()).get().id());
        assertThrows(ConflictException.class, () -> f.cards.activate(f.admin, number, null));
        f.cards.cancel(f.admin, replacement.cardNumber(), "member left");
        assertThrows(ConflictException.class, () -> f.cards.replace(f.admin, replacement.cardNumber(), null));
    }

    @Test
    void childCardsShareTheParentsPoolAndCardKindsLimitUse() {
        MemberData m = f.member(store, null);
        String parent = m.cards().get(0).cardNumber();
        long spouse = f.kit.directory().createContact(f.admin, "配偶", f.mobile(), store).id();
        CardData child = f.cards.issue(f.admin, new org.opencrm.module.membership.internal.dto.CardRequest(null, "MEMBER", parent, spouse, null, store, false));
        assertEquals(m.id(), child.memberId());
        assertEquals("ISSUED", child.status());
        assertEquals("card_blocked", assertThrows(ConflictException.class,
                () -> f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("10"), store, child.cardNumber(), null, null))).code());
        f.cards.activate(f.admin, child.cardNumber(), null);
        f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("10"), store, child.cardNumber(), null, null));
        f.ledger.earn(f.admin, m.id(), new EarnRequest(f.ref(), new BigDecimal("20"), store, parent, null, null));
        assertEquals(30, f.reload(m.id()).pointsBalance());
        assertEquals(m.id(), f.members.lookup(f.admin, child.cardNumber()).get().id());
        assertEquals("card_kind", assertThrows(ConflictException.class,
                () -> f.ledger.topUp(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("10"), store, child.cardNumber(), null, null))).code());
        assertEquals("discountPercent", assertThrows(InvalidInputException.class,
                () -> f.cards.issue(f.admin, new org.opencrm.module.membership.internal.dto.CardRequest(m.id(), "DISCOUNT", null, null, null, store, true))).field());
    }

    // ---------------------------------------------------------------- stored value

    @Test
    void storedValueTopUpBonusSpendAndRefundNeverGoNegative() {
        MemberData m = f.member(store, null);
        TxnResult top = f.ledger.topUp(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("1000"), store, null, null, null));
        assertEquals(new BigDecimal("100.00"), top.bonus());
        assertEquals(new BigDecimal("1100.00"), top.valueBalance());
        ValueRequest spend = new ValueRequest(f.ref(), new BigDecimal("300.50"), store, null, null, null);
        assertEquals(new BigDecimal("799.50"), f.ledger.spend(f.admin, m.id(), spend).valueBalance());
        assertTrue(f.ledger.spend(f.admin, m.id(), spend).replayed());
        InsufficientBalanceException e = assertThrows(InsufficientBalanceException.class,
                () -> f.ledger.spend(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("799.51"), store, null, null, null)));
        assertEquals(new BigDecimal("799.50"), e.valueBalance());
        assertEquals(new BigDecimal("899.50"), f.ledger.refund(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("100"), store, null, spend.reference(), null)).valueBalance());
        assertEquals("refund_exceeds_spend", assertThrows(ConflictException.class,
                () -> f.ledger.refund(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("200.51"), store, null, spend.reference(), null))).code());
        assertEquals("originalReference", assertThrows(InvalidInputException.class,
                () -> f.ledger.refund(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("1"), store, null, top.reference(), null))).field());
        assertEquals(89_950, f.valueLedgerSum(m.id()));
        assertEquals(4, f.ledger.valueLedger(f.admin, m.id(), PageRequest.of(null, 0, 50)).total()); // top-up, its bonus, spend, refund
    }

    // ---------------------------------------------------------------- notifications, scopes, reports

    @Test
    void changesQueueNotificationsThatTheSenderGetsAfterTheCommit() {
        MemberData m = f.member(store, null);
        earn(m.id(), "100");
        f.ledger.topUp(f.admin, m.id(), new ValueRequest(f.ref(), new BigDecimal("50"), store, null, null, null));
        assertEquals(2, f.count("MP_OUTBOX"));
        assertTrue(f.sent.isEmpty());
        assertEquals(2, f.maintenance.deliver());
        assertEquals(2, f.sent.size());
        assertEquals(m.mobile(), f.sent.get(0).recipient());
        assertTrue(f.sent.get(0).text().contains("100"), f.sent.get(0).text());
        assertEquals(0, f.maintenance.deliver());
        assertEquals("SENT", f.outbox.list(m.id(), null, PageRequest.of(null, 0, 10)).items().get(0).status());
    }

    /** Two nodes' outboxes on one database delivering at the same time: each message is claimed and sent once. */
    @Test
    void twoOutboxesDeliveringAtOnceSendEachMessageOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            earn(f.member(store, null).id(), "10");
        }
        Outbox other = new Outbox(f.jpa, f.rules);
        List<Notification> sentByOther = new java.util.concurrent.CopyOnWriteArrayList<>();
        other.addSender(MembershipOnTestKit.recordingSender("other-node", sentByOther), Map.of("service.ranking", 10));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            var a = pool.submit(() -> {
                start.await();
                return f.outbox.deliver(200);
            });
            var b = pool.submit(() -> {
                start.await();
                return other.deliver(200);
            });
            assertEquals(20, a.get() + b.get());
        } finally {
            pool.shutdownNow();
        }
        List<Long> ids = new java.util.ArrayList<>();
        f.sent.forEach(n -> ids.add(n.id()));
        sentByOther.forEach(n -> ids.add(n.id()));
        assertEquals(20, ids.size());
        assertEquals(20, new java.util.HashSet<>(ids).size(), "no message sent twice: " + ids);
        assertEquals(0, f.outbox.deliver(200) + other.deliver(200));
    }

    /**
     * A node that claimed a message and died before marking it: the other node leaves it alone while the claim runs,
     * and sends it once when the claim has run out (at least once, never lost). The run-out is simulated by moving the
     * claim's end into the past, as {@link Outbox#CLAIM} later would.
     */
    @Test
    void aMessageClaimedByANodeThatDiedIsSentOnceWhenItsClaimRunsOut() {
        earn(f.member(store, null).id(), "10");
        long id = f.outbox.list(null, "PENDING", PageRequest.of(null, 0, 10)).items().get(0).id();
        Outbox dead = new Outbox(f.jpa, f.rules);
        assertTrue(dead.claim(id));
        assertEquals(0, f.outbox.deliver(200), "claimed by the dead node and the claim still runs");
        assertTrue(f.sent.isEmpty());
        int moved = f.jpa.txExpr(org.apache.aries.jpa.template.TransactionType.RequiresNew, em -> em
                .createNativeQuery("UPDATE MP_OUTBOX SET CLAIMEDUNTIL = ? WHERE ID = ?")
                .setParameter(1, System.currentTimeMillis() - 1).setParameter(2, id).executeUpdate());
        assertEquals(1, moved);
        assertEquals(1, f.outbox.deliver(200));
        assertEquals(List.of(id), f.sent.stream().map(Notification::id).toList());
        assertEquals(0, f.outbox.deliver(200) + dead.deliver(200), "sent once, not again");
        var m = f.outbox.list(null, null, PageRequest.of(null, 0, 10)).items().get(0);
        assertEquals("SENT", m.status());
        assertEquals(1, m.attempts());
    }

    @Test
    void storeUsersSeeTheirStoresMembersAndServeAnyMemberAtTheTill() {
        MemberData mine = f.member(store, null);
        MemberData theirs = f.member(otherStore, null);
        CrmUser clerk = f.user("clerk", ScopeType.STORE, store, MembershipModule.READ, MembershipModule.CASHIER, MembershipModule.WRITE);
        assertEquals(List.of(mine.id()), f.members.search(clerk, null, null, null, PageRequest.of(null, 0, 50)).items().stream().map(MemberData::id).toList());
        assertThrows(RecordNotFoundException.class, () -> f.members.get(clerk, theirs.id()));
        // at the till: found by card number, served at the clerk's own store (the default), not at another store
        assertEquals(theirs.id(), f.members.lookup(clerk, theirs.cards().get(0).cardNumber()).get().id());
        TxnResult r = f.ledger.earn(clerk, theirs.id(), new EarnRequest(f.ref(), new BigDecimal("10"), null, null, null, null));
        assertEquals(store, r.storeAccountId());
        assertThrows(AccessDeniedException.class,
                () -> f.ledger.earn(clerk, theirs.id(), new EarnRequest(f.ref(), new BigDecimal("10"), otherStore, null, null, null)));
        assertThrows(AccessDeniedException.class, () -> f.members.enrol(clerk,
                new org.opencrm.module.membership.internal.dto.EnrolRequest(null, "x", f.mobile(), otherStore, null, null, null)));
        Reports.TierDistribution tiers = f.members.tiers(clerk);
        assertEquals(1, tiers.total());
        assertEquals(2, f.members.tiers(f.admin).total());
        Reports.Liability l = f.members.liability(f.admin);
        assertEquals(10, l.points());
        assertEquals(new BigDecimal("0.10"), l.pointsValue());
        assertEquals(2, f.members.active(f.admin, 30).total());
        assertEquals(1, f.members.active(f.admin, 30).active());
    }

    @Test
    void aContactIsEnrolledOnce() {
        MemberData m = f.member(store, null);
        assertEquals("duplicate", assertThrows(ConflictException.class, () -> f.members.enrol(f.admin,
                new org.opencrm.module.membership.internal.dto.EnrolRequest(m.contactId(), null, null, store, null, null, null))).code());
        assertEquals(m.id(), f.members.lookup(f.admin, m.mobile()).get().id());
        assertEquals(m.id(), f.members.lookup(f.admin, m.memberNumber()).get().id());
    }
}
