package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.opencrm.module.membership.api.Notification;
import org.opencrm.module.membership.api.NotificationSender;
import org.opencrm.module.membership.internal.MembershipConfig;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.testkit.CrmTestKit;
import org.opencrm.platform.testkit.TestClock;

/**
 * The module's services wired as DS would wire them, on the test kit (the real core on an in-memory Derby shared with
 * the module's unit), a clock the test moves, and a notification sender that records what it is handed.
 */
final class MembershipOnTestKit implements AutoCloseable {
    static final ZoneId SHANGHAI = CrmTestKit.ZONE;
    static final Instant START = LocalDate.of(2024, 3, 20).atTime(10, 0).atZone(SHANGHAI).toInstant();

    final CrmTestKit kit = new CrmTestKit(START);
    final InMemoryJpa jpa = kit.jpa("crm-membership");
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    final TestClock clock = kit.clock();
    final AuditTrail auditTrail = kit.audit();
    final TimelineService timelineService = kit.timeline();
    final Rules rules;
    final Outbox outbox;
    final CardService cards;
    final PromotionService promotions;
    final MemberService members;
    final LedgerService ledger;
    final Maintenance maintenance;
    final CrmUser admin = CrmUser.SYSTEM;
    private final AtomicLong mobiles = new AtomicLong(13_800_000_000L);
    private final AtomicLong refs = new AtomicLong();

    MembershipOnTestKit() {
        this(Rules.Terms.defaults());
    }

    MembershipOnTestKit(Rules.Terms terms) {
        rules = new Rules(terms, clock);
        outbox = new Outbox(jpa, rules);
        outbox.addSender(recordingSender("test", sent), Map.of("service.ranking", 10));
        cards = new CardService(jpa, auditTrail, timelineService, kit.directory(), kit.scopes(), rules, kit.events());
        promotions = new PromotionService(jpa, auditTrail, rules);
        members = new MemberService(jpa, auditTrail, timelineService, kit.directory(), kit.scopes(), rules, cards, kit.events());
        ledger = new LedgerService(jpa, auditTrail, timelineService, kit.directory(), kit.scopes(), rules, promotions, outbox, kit.events(),
                CrmTestKit.configDefaults(MembershipConfig.class));
        maintenance = new Maintenance(jpa, ledger, outbox);
    }

    /** A sender of every channel that records what it was given. */
    static NotificationSender recordingSender(String name, List<Notification> into) {
        return new NotificationSender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean supports(String channel) {
                return true;
            }

            @Override
            public void send(Notification n) {
                into.add(n);
            }
        };
    }

    String mobile() {
        return Long.toString(mobiles.incrementAndGet());
    }

    String ref() {
        return "T-" + refs.incrementAndGet();
    }

    /** A new member at the store (a new contact), with an active COMBINED card. */
    MemberData member(long store, LocalDate birthday) {
        return members.enrol(admin, new EnrolRequest(null, "会员" + refs.incrementAndGet(), mobile(), store, birthday, "COMBINED", 95));
    }

    MemberData reload(long id) {
        return members.get(admin, id);
    }

    EarnRequest purchase(String yuan, Long store) {
        return new EarnRequest(ref(), new BigDecimal(yuan), store, null, null, null);
    }

    CrmUser user(String name, ScopeType scope, Long accountId, String... permissions) {
        return kit.user(name, new DataScope(scope, null, accountId), permissions);
    }

    /** Sum of the member's points ledger straight from the database. */
    long pointsLedgerSum(long memberId) {
        return jpa.txExpr(org.apache.aries.jpa.template.TransactionType.RequiresNew, em -> ((Number) em
                .createNativeQuery("SELECT COALESCE(SUM(POINTS), 0) FROM MP_POINTS WHERE MEMBERID = ?").setParameter(1, memberId).getSingleResult()).longValue());
    }

    long valueLedgerSum(long memberId) {
        return jpa.txExpr(org.apache.aries.jpa.template.TransactionType.RequiresNew, em -> ((Number) em
                .createNativeQuery("SELECT COALESCE(SUM(AMOUNTFEN), 0) FROM MP_VALUE WHERE MEMBERID = ?").setParameter(1, memberId).getSingleResult()).longValue());
    }

    long count(String table) {
        return jpa.count(table);
    }

    @Override
    public void close() {
        ledger.deactivate(); // stops the till's committers
        kit.close();
    }
}
