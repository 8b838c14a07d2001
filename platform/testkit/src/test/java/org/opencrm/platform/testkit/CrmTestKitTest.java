package org.opencrm.platform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit is the core: its scope rule on a module's own table, its validation, one transaction across units, events after commit. */
class CrmTestKitTest {
    private final CrmTestKit kit = new CrmTestKit();
    private final JpaTemplate jpa = kit.jpa("kit-test");

    @AfterEach
    void close() {
        kit.close();
    }

    private long note(long account, String text) {
        return jpa.txExpr(em -> {
            KitNote n = new KitNote();
            n.accountId = account;
            n.text = text;
            em.persist(n);
            em.flush();
            return n.id;
        });
    }

    private List<String> visible(CrmUser user) {
        ScopeFilter scope = kit.scopes().filter(user);
        return jpa.txExpr(em -> {
            var q = em.createQuery("SELECT n.text FROM KitNote n WHERE 1 = 1" + scope.jpql("n.accountId") + " ORDER BY n.id", String.class);
            scope.bind(q::setParameter);
            return q.getResultList();
        });
    }

    @Test
    void theScopeRuleOfEachKindOfUserAppliesToAModulesTable() {
        long south = kit.account("华南代理", "REGIONAL_DISTRIBUTOR", "south", null);
        long store = kit.account("南山店", south);
        long north = kit.account("华北代理", "REGIONAL_DISTRIBUTOR", "north", null);
        note(store, "south store");
        note(north, "north");
        assertEquals(List.of("south store", "north"), visible(kit.hq("hq")));
        assertEquals(List.of("south store"), visible(kit.region("r", "south")), "the store inherited its parent's region");
        assertEquals(List.of("south store"), visible(kit.partner("p", south)));
        assertEquals(List.of("north"), visible(kit.store("s", north)));
        assertTrue(kit.scopes().canSee(kit.partner("p", south), store));
        assertFalse(kit.scopes().canSee(kit.store("s", store), south), "a store does not see its parent");

        kit.moveAccount(store, north);
        assertEquals(List.of("south store", "north"), visible(kit.partner("p", north)), "a move is seen at once");
        assertEquals(List.of(), visible(kit.partner("p", south)));
    }

    @Test
    void beyondFiveHundredAccountsTheFilterLooksTheAccountUpInTheCoresTableOnTheSameDatabase() {
        long partner = kit.account("大代理", null);
        long last = partner;
        for (int i = 0; i < 501; i++) {
            last = kit.account("店 " + i, partner);
        }
        long other = kit.account("别家", null);
        note(last, "mine");
        note(other, "theirs");
        CrmUser user = kit.partner("p", partner);
        assertTrue(kit.scopes().filter(user).parameters().containsKey("scopePath"), "the SQL() form, not the list");
        assertEquals(List.of("mine"), visible(user));
    }

    @Test
    void theCoresValidationApplies() {
        assertThrows(InvalidInputException.class, () -> kit.contact("王芳", "not a mobile", null));
        assertThrows(InvalidInputException.class, () -> kit.account("孤儿", 999_999L));
    }

    @Test
    void aModulesChangeAndTheCoresAuditAndEventsCommitOrRollBackTogether() {
        long store = kit.account("店", null);
        int events = kit.postedEvents().size();
        assertThrows(IllegalStateException.class, () -> jpa.tx(em -> {
            KitNote n = new KitNote();
            n.accountId = store;
            em.persist(n);
            kit.audit().record("clerk", "note", "1", "create", java.util.Map.of("text", "x"), store);
            kit.events().post(CrmEvent.of("crm/kit/NOTE_CREATED", "clerk"));
            throw new IllegalStateException("the module fails after writing");
        }));
        assertEquals(0, kit.jpa("kit-test").count("KT_NOTE"));
        assertTrue(kit.auditOf("note", "1").isEmpty(), "the audit entry rolled back with the change");
        assertEquals(events, kit.postedEvents().size(), "no event for a change that is not there");

        jpa.tx(em -> {
            KitNote n = new KitNote();
            n.accountId = store;
            em.persist(n);
            kit.audit().record("clerk", "note", "2", "create", java.util.Map.of("text", "y"), store);
            kit.events().post(CrmEvent.of("crm/kit/NOTE_CREATED", "clerk"));
            assertEquals(events, kit.postedEvents().size(), "held until the commit");
        });
        assertEquals(store, kit.auditOf("note", "2").get(0).accountId());
        assertEquals("crm/kit/NOTE_CREATED", kit.postedEvents().get(kit.postedEvents().size() - 1).topic());
    }

    @Test
    void theClockMovesOnlyWhenTheTestMovesIt() {
        var start = kit.clock().now();
        assertEquals(CrmTestKit.START, start);
        kit.clock().advance(Duration.ofDays(1));
        assertEquals(start.plus(Duration.ofDays(1)), kit.clock().now());
        assertEquals(CrmTestKit.ZONE, kit.clock().zone());
    }
}
