package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;
import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.AuditData.ItemAnswer;
import org.opencrm.module.audit.internal.dto.PlanData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.PayloadTooLargeException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.sales.StoreSales;
import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.opencrm.platform.api.security.CrmUser;

class AuditFlowTest {
    static final PageRequest ALL = PageRequest.of(null, 0, 500);

    /** Answers every item of the default template: PASS, except the codes given as FAIL. */
    static AuditData answerAll(AuditOnTestKit t, CrmUser user, AuditData a, String... failing) {
        List<String> fail = List.of(failing);
        AuditData last = a;
        for (ItemAnswer i : a.items()) {
            boolean f = fail.contains(i.code());
            if (i.answerType().equals("SCORE")) {
                last = t.audits.answer(user, a.id(), i.id(), new Requests.Answer(null, f ? 1 : i.maxScore(), null));
            } else {
                last = t.audits.answer(user, a.id(), i.id(), new Requests.Answer(f ? "FAIL" : "PASS", null, f ? "不合格" : null));
            }
            if (f && i.photoRequiredOnFail()) {
                t.audits.addPhoto(user, a.id(), i.id(), i.code() + ".png", AuditOnTestKit.png(40, 30));
            }
        }
        return last;
    }

    static AuditData doAudit(AuditOnTestKit t, CrmUser user, long store, String... failing) {
        AuditData a = t.audits.start(user, new Requests.StartAudit(store, null, null, false, null));
        answerAll(t, user, a, failing);
        t.audits.finish(user, a.id(), new Requests.Finish("整体良好", "店长 李雷"));
        return t.audits.submit(user, a.id());
    }

    @Test
    void auditWithPhotosIsScoredAndReadOnly() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            t.plans.create(t.hq, new PlanData(null, "华南季度", null, 3, 1, "sup", "boss", null, null, List.of(t.storeA), null, null, null));
            AuditData a = t.audits.start(t.supervisor, new Requests.StartAudit(t.storeA, null, null, false, null));
            assertEquals("IN_PROGRESS", a.status());
            assertEquals(13, a.items().size());
            answerAll(t, t.supervisor, a, "VI-01", "SA-03");
            t.audits.addPhoto(t.supervisor, a.id(), null, "front.jpg", AuditOnTestKit.jpeg(800, 600));
            // submit needs the store manager's acknowledgement
            InvalidInputException noAck = assertThrows(InvalidInputException.class, () -> t.audits.submit(t.supervisor, a.id()));
            assertEquals("audit.acknowledgementRequired", noAck.messageKey());
            t.audits.finish(t.supervisor, a.id(), new Requests.Finish("门头需修复", "店长 韩梅梅"));
            AuditData done = t.audits.submit(t.supervisor, a.id());
            // weights 35 + 35 + 35: earned 105 - 10 (VI-01) - 10 (SA-03) = 85 of 105 -> 80.952.. -> 80.95
            assertEquals(new BigDecimal("80.95"), done.score());
            assertEquals("B", done.grade());
            assertEquals(new BigDecimal("71.43"), done.sections().get(0).score()); // VI: 25 of 35
            assertEquals(new BigDecimal("100.00"), done.sections().get(2).score());
            assertEquals(2, done.photos().size()); // VI-01's (required on failure) and the shopfront
            assertEquals("店长 韩梅梅", done.acknowledgedBy());
            assertNotNull(done.acknowledgedAt());

            ConflictException readOnly = assertThrows(ConflictException.class, () -> t.audits.answer(t.supervisor, a.id(), a.items().get(0).id(),
                    new Requests.Answer("PASS", null, null)));
            assertEquals("audit.readOnly", readOnly.messageKey());
            assertThrows(ConflictException.class, () -> t.audits.addPhoto(t.supervisor, a.id(), null, "x.png", AuditOnTestKit.png(10, 10)));
            assertThrows(ConflictException.class, () -> t.audits.submit(t.supervisor, a.id()));

            // two actions, due by severity: HIGH 7 days
            List<ActionData> actions = t.actions.list(t.hq, t.storeA, null, null, false, ALL).items();
            assertEquals(List.of("VI-01", "SA-03"), actions.stream().map(ActionData::itemCode).sorted(java.util.Comparator.reverseOrder()).toList());
            assertTrue(actions.stream().allMatch(c -> c.dueDate().equals(LocalDate.of(2024, 3, 27))));

            // timeline on the store account, audit trail, events after commit
            assertTrue(t.kit.timelineEntries().stream().anyMatch(e -> e.accountId() == t.storeA && e.type().equals(TIMELINE_SUBMITTED)
                    && e.title().equals("80.95 / B")));
            assertEquals(List.of("start", "submit"), t.kit.auditOf(AUDIT_TYPE, a.id().toString()).stream().map(e -> e.action()).toList());
            List<String> topics = t.kit.postedEvents().stream().map(CrmEvent::topic).toList();
            assertTrue(topics.containsAll(List.of(EVENT_STARTED, EVENT_SUBMITTED, EVENT_ACTION_CREATED)), topics.toString());

            // the plan's next due date: graded B -> every 3 months
            assertEquals(LocalDate.of(2024, 6, 20), t.plans.due(t.hq, false, false, ALL).items().get(0).dueDate());
            // the photo and its thumbnail
            AuditService.Content thumb = t.audits.photoContent(t.franchiseeA, a.id(), done.photos().get(1).id(), true);
            assertEquals("image/jpeg", thumb.contentType());
        }
    }

    @Test
    void submitRefusesUnansweredItemsAndFailuresWithoutPhoto() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditData a = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, null, true, null));
            t.audits.finish(t.hq, a.id(), new Requests.Finish(null, "店长"));
            InvalidInputException unanswered = assertThrows(InvalidInputException.class, () -> t.audits.submit(t.hq, a.id()));
            assertEquals("audit.unanswered", unanswered.messageKey());
            for (ItemAnswer i : a.items()) {
                t.audits.answer(t.hq, a.id(), i.id(), i.answerType().equals("SCORE") ? new Requests.Answer(null, 5, null)
                        : new Requests.Answer(i.code().equals("VI-02") ? "FAIL" : "PASS", null, null));
            }
            InvalidInputException photo = assertThrows(InvalidInputException.class, () -> t.audits.submit(t.hq, a.id()));
            assertEquals("audit.photoRequired", photo.messageKey());
            ItemAnswer vi02 = a.items().stream().filter(i -> i.code().equals("VI-02")).findFirst().orElseThrow();
            t.audits.addPhoto(t.hq, a.id(), vi02.id(), "logo.png", AuditOnTestKit.png(20, 20));
            AuditData done = t.audits.submit(t.hq, a.id());
            assertEquals("FAIL", done.grade(), "a failed critical item fails the audit");
            assertTrue(done.criticalFailed());
            // critical: due in 3 days
            assertEquals(LocalDate.of(2024, 3, 23), t.actions.list(t.hq, null, a.id(), null, false, ALL).items().get(0).dueDate());
            // NA where it is not allowed, scores out of range
            AuditData b = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, null, true, null));
            ItemAnswer first = b.items().get(0);
            assertEquals("audit.naNotAllowed", assertThrows(InvalidInputException.class,
                    () -> t.audits.answer(t.hq, b.id(), first.id(), new Requests.Answer("NA", null, null))).messageKey());
            ItemAnswer scored = b.items().stream().filter(i -> i.answerType().equals("SCORE")).findFirst().orElseThrow();
            assertEquals("audit.scoreRange", assertThrows(InvalidInputException.class,
                    () -> t.audits.answer(t.hq, b.id(), scored.id(), new Requests.Answer(null, 6, null))).messageKey());
        }
    }

    @Test
    void badPhotosAreRefusedAndNothingIsWritten() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditData a = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, null, true, null));
            int entries = t.kit.auditEntries().size();
            byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertEquals("audit.photoType", assertThrows(InvalidInputException.class,
                    () -> t.audits.addPhoto(t.hq, a.id(), null, "x.png", gif)).messageKey());
            byte[] png = AuditOnTestKit.png(30, 30);
            byte[] truncated = java.util.Arrays.copyOf(png, 20);
            assertEquals("audit.photoDamaged", assertThrows(InvalidInputException.class,
                    () -> t.audits.addPhoto(t.hq, a.id(), null, "x.png", truncated)).messageKey());
            t.settings = t.settings.withMaxPhotoBytes(100);
            assertThrows(PayloadTooLargeException.class, () -> t.audits.addPhoto(t.hq, a.id(), null, "x.png", png));
            assertEquals(0, t.audits.get(t.hq, a.id()).photos().size());
            assertEquals(entries, t.kit.auditEntries().size());
        }
    }

    @Test
    void franchiseeSeesOnlyItsOwnStoresAndSupervisorItsAssignedOnes() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditData a = doAudit(t, t.hq, t.storeA, "VI-01");
            AuditData b = doAudit(t, t.hq, t.storeB, "SA-03");
            assertEquals(List.of(a.id()), t.audits.list(t.franchiseeA, null, null, false, ALL).items().stream().map(x -> x.id()).toList());
            assertThrows(RecordNotFoundException.class, () -> t.audits.get(t.franchiseeA, b.id()));
            assertThrows(RecordNotFoundException.class, () -> t.audits.photoContent(t.franchiseeA, b.id(), 1, false));
            long actionB = t.actions.list(t.hq, t.storeB, null, null, false, ALL).items().get(0).id();
            assertThrows(RecordNotFoundException.class, () -> t.actions.get(t.franchiseeA, actionB));
            assertThrows(RecordNotFoundException.class, () -> t.actions.respond(t.franchiseeA, actionB, new Requests.Respond("done")));
            assertThrows(RecordNotFoundException.class, () -> t.results.history(t.franchiseeA, t.storeB));
            assertEquals(1, t.results.ranking(t.franchiseeA, null, false, ALL).total());
            assertEquals(1, t.actions.list(t.franchiseeA, null, null, null, false, ALL).total());

            // the supervisor sees nothing until a plan assigns stores to them
            assertEquals(0, t.audits.list(t.supervisor, null, null, false, ALL).total());
            assertThrows(RecordNotFoundException.class, () -> t.audits.get(t.supervisor, b.id()));
            assertThrows(InvalidInputException.class, () -> t.audits.start(t.supervisor, new Requests.StartAudit(t.storeB, null, null, true, null)));
            t.plans.create(t.hq, new PlanData(null, "华北", null, 3, 1, "sup", null, null, null, List.of(t.storeB), null, null, null));
            assertEquals(List.of(b.id()), t.audits.list(t.supervisor, null, null, false, ALL).items().stream().map(x -> x.id()).toList());
            assertEquals(b.id(), t.audits.get(t.supervisor, b.id()).id());
            assertThrows(RecordNotFoundException.class, () -> t.audits.get(t.supervisor, a.id()));
            // a supervisor does not answer for the franchisee
            assertThrows(ScopeDeniedException.class, () -> t.actions.respond(t.supervisor, actionB, new Requests.Respond("done")));
        }
    }

    @Test
    void correctiveActionLifecycle() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            t.plans.create(t.hq, new PlanData(null, "华南", null, 3, 1, "sup", "boss", null, t.partner, null, null, null, null));
            AuditData a = doAudit(t, t.supervisor, t.storeA, "SV-01");
            ActionData c = t.actions.list(t.franchiseeA, null, null, "OPEN", false, ALL).items().get(0);
            assertEquals("LOW", c.severity());
            assertEquals(LocalDate.of(2024, 4, 19), c.dueDate());
            assertEquals("sup", c.supervisor());
            // verifying before a response
            assertThrows(ConflictException.class, () -> t.actions.verify(t.supervisor, c.id(), new Requests.Verify(true, null)));
            t.actions.respond(t.franchiseeA, c.id(), new Requests.Respond("已整改排队区"));
            t.actions.addEvidence(t.franchiseeA, c.id(), "after.jpg", AuditOnTestKit.jpeg(64, 48), t.audits);
            ActionData reopened = t.actions.verify(t.supervisor, c.id(), new Requests.Verify(false, "仍有杂物"));
            assertEquals("OPEN", reopened.status());
            assertEquals(1, reopened.reopenCount());
            assertEquals(1, reopened.evidence().size());
            t.actions.respond(t.franchiseeA, c.id(), new Requests.Respond("已清理"));
            ActionData closed = t.actions.verify(t.supervisor, c.id(), new Requests.Verify(true, "合格"));
            assertEquals("CLOSED", closed.status());
            assertThrows(ConflictException.class, () -> t.actions.respond(t.franchiseeA, c.id(), new Requests.Respond("again")));
            assertEquals(List.of("create", "respond", "reopen", "respond", "accept"),
                    t.kit.auditOf(ACTION_TYPE, c.id().toString()).stream().map(e -> e.action()).toList());
            assertTrue(t.kit.timelineEntries().stream().anyMatch(e -> e.type().equals(TIMELINE_ACTION_CLOSED) && e.accountId() == t.storeA));
            // the audit itself is untouched by its actions
            assertEquals("SUBMITTED", t.audits.get(t.hq, a.id()).status());
            // a follow-up audit: the supervisor's plan entry falls due sooner
            assertEquals(LocalDate.of(2024, 4, 1), t.plans.followUp(t.supervisor, t.storeA, LocalDate.of(2024, 4, 1)).get(0).dueDate());
            assertEquals("audit.noPlan", assertThrows(InvalidInputException.class,
                    () -> t.plans.followUp(t.hq, t.storeB, LocalDate.of(2024, 4, 1))).messageKey());
            assertThrows(InvalidInputException.class, () -> t.plans.followUp(t.supervisor, t.storeA, LocalDate.of(2024, 3, 1)));
        }
    }

    @Test
    void overdueActionsEscalateOnceToTheManager() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            t.plans.create(t.hq, new PlanData(null, "华南", null, 3, 1, "sup", "boss", "SOUTH", null, null, null, null, null));
            doAudit(t, t.supervisor, t.storeA, "VI-02");
            assertEquals(0, t.actions.escalateOverdue());
            // due 3 days after 20 March (Beijing): overdue from 24 March 00:00 Beijing, i.e. 23 March 16:00 UTC
            t.kit.clock().set(java.time.LocalDateTime.of(2024, 3, 23, 23, 59));
            assertEquals(0, t.actions.list(t.hq, null, null, null, true, ALL).total());
            t.kit.clock().set(java.time.LocalDateTime.of(2024, 3, 24, 0, 1));
            assertEquals(1, t.actions.list(t.hq, null, null, null, true, ALL).total());
            assertEquals(1, t.actions.escalateOverdue());
            assertEquals(0, t.actions.escalateOverdue());
            ActionData c = t.actions.list(t.hq, null, null, null, true, ALL).items().get(0);
            assertEquals("boss", c.escalatedTo());
            assertTrue(c.overdue());
            assertEquals(new ResultData.ActionCounts(1, 0, 1, 1), t.results.actionCounts(t.hq));
            assertTrue(t.kit.postedEvents().stream().anyMatch(e -> e.topic().equals(EVENT_ACTION_ESCALATED)));
        }
    }

    @Test
    void resultsRankTrendMostFailedAndSales() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            doAudit(t, t.hq, t.storeA, "VI-01");
            doAudit(t, t.hq, t.storeB, "VI-01", "SA-03", "SV-02");
            t.kit.clock().set(java.time.LocalDateTime.of(2024, 4, 2, 9, 0));
            doAudit(t, t.hq, t.storeA);

            List<ResultData.StoreRank> ranks = t.results.ranking(t.hq, null, false, ALL).items();
            assertEquals(List.of(t.storeA, t.storeB), ranks.stream().map(ResultData.StoreRank::storeId).toList());
            assertEquals(new BigDecimal("100.00"), ranks.get(0).score());
            assertEquals(2, ranks.get(0).audits());
            List<ResultData.RegionRank> regions = t.results.regions(t.hq);
            assertEquals(List.of("SOUTH", "NORTH"), regions.stream().map(ResultData.RegionRank::region).toList());

            List<ResultData.TrendPoint> trend = t.results.trend(t.hq, null, 3);
            assertEquals(List.of("2024-02", "2024-03", "2024-04"), trend.stream().map(ResultData.TrendPoint::month).toList());
            assertEquals(2, trend.get(1).audits());
            assertNull(trend.get(0).averageScore());
            assertEquals(3, t.results.history(t.hq, t.storeA).audits().size() + 1);

            List<ResultData.FailedItem> failed = t.results.mostFailed(t.hq, null, null, 10);
            assertEquals("VI-01", failed.get(0).code());
            assertEquals(2, failed.get(0).failures());

            ResultData.ScoreBesideSales none = t.results.scoreBesideSales(t.hq, null, null, java.util.Locale.ROOT, ALL);
            assertEquals("noSalesModules", none.note());
            t.sales.add(new StoreSalesFigures() {
                public String id() {
                    return "handset.units";
                }

                public String label(java.util.Locale l) {
                    return "Handsets sold";
                }

                public Map<Long, StoreSales> sales(java.util.Collection<Long> ids, LocalDate from, LocalDate to) {
                    assertTrue(ids.contains(t.storeA));
                    return Map.of(t.storeA, new StoreSales(t.storeA, 12, Money.ofFen(1_234_500)));
                }
            });
            ResultData.ScoreBesideSales some = t.results.scoreBesideSales(t.hq, null, null, java.util.Locale.ROOT, ALL);
            assertNull(some.note());
            assertEquals(new ResultData.Figure(12, new BigDecimal("12345.00")), some.rows().get(0).figures().get("handset.units"));
            assertEquals(new ResultData.Figure(0, null), some.rows().get(1).figures().get("handset.units"));
        }
    }

    @Test
    void demoDataIsAYearOfScoredAudits() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            List<org.opencrm.platform.api.customer.AccountRef> stores = List.of(t.kit.directory().account(t.storeA).orElseThrow(),
                    t.kit.directory().account(t.storeB).orElseThrow());
            assertEquals(24, t.demo.load(stores, 12, TemplateService.DEFAULT_CODE, "sup", 16));
            assertEquals(2, t.results.ranking(t.hq, null, false, ALL).total());
            assertEquals(12, t.results.history(t.hq, t.storeA).audits().size());
            assertTrue(t.results.trend(t.hq, null, 12).stream().allMatch(p -> p.audits() == 2), "one audit a month per store");
            // the demo's scores are the scoring rule's
            AuditData a = t.audits.get(t.hq, t.results.ranking(t.hq, null, false, ALL).items().get(0).auditId());
            assertEquals(Scoring.score(a.items().stream().map(i -> new Scoring.Item(i.sectionCode(), i.weight(),
                    org.opencrm.module.audit.internal.model.Enums.AnswerType.valueOf(i.answerType()), i.maxScore(),
                    i.answer() == null ? null : org.opencrm.module.audit.internal.model.Enums.Answer.valueOf(i.answer()), i.score(), i.critical())).toList(),
                    Scoring.Thresholds.DEFAULT).total(), a.score());
        }
    }
}
