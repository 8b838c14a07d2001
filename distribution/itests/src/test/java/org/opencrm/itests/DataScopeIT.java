package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** A partner user sees its own subtree and nothing of another partner's, through every REST path. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DataScopeIT extends CrmTestSupport {
    private static final String PASSWORD = "Partner-pass-1";

    @Test
    public void aPartnerUserIsDeniedAnotherPartnersRecords() {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long partnerA = createAccount("成都天府通讯 " + tag, "PROVINCIAL_DISTRIBUTOR", null);
        long storeA = createAccount("天府通讯春熙路店 " + tag, "STORE", partnerA);
        long partnerB = createAccount("重庆山城数码 " + tag, "PROVINCIAL_DISTRIBUTOR", null);
        String mobileA = newMobile();
        String mobileB = newMobile();
        long contactA = createContact("刘洋", mobileA, storeA);
        long contactB = createContact("何静", mobileB, partnerB);

        String user = "partner" + tag;
        post("users", obj().put("username", user).put("password", PASSWORD).put("scopeType", "PARTNER").put("accountId", partnerA)
                .set("roles", JSON.createArrayNode().add("partner"))).expect(201);

        // own subtree: visible
        assertEquals(contactA, as(user, "GET", "contacts/" + contactA, null).expect(200).json().get("id").asLong());
        assertEquals(storeA, as(user, "GET", "accounts/" + storeA, null).expect(200).json().get("id").asLong());

        // the other partner's records: not found, as if they did not exist
        as(user, "GET", "contacts/" + contactB, null).expect(404);
        as(user, "GET", "accounts/" + partnerB, null).expect(404);
        as(user, "GET", "accounts/" + partnerB + "/children", null).expect(404);
        as(user, "GET", "contacts/" + contactB + "/timeline", null).expect(404);
        assertEquals(0, as(user, "GET", "contacts?q=" + mobileB, null).expect(200).json().get("items").size());
        assertEquals(1, as(user, "GET", "contacts?q=" + mobileA, null).expect(200).json().get("items").size());

        // list, account list and export only ever contain the own subtree
        Set<Long> accountIds = new HashSet<>();
        JsonNode all = as(user, "GET", "contacts?limit=500", null).expect(200).json();
        all.get("items").forEach(c -> accountIds.add(c.get("accountId").asLong()));
        assertFalse(accountIds.isEmpty());
        assertTrue("only own accounts: " + accountIds, Set.of(partnerA, storeA).containsAll(accountIds));
        JsonNode accounts = as(user, "GET", "accounts?limit=500", null).expect(200).json();
        accounts.get("items").forEach(a -> assertTrue(a.toString(), Set.of(partnerA, storeA).contains(a.get("id").asLong())));
        String export = as(user, "GET", "contacts/export", null).expect(200).body();
        assertTrue(export.contains(mobileA));
        assertFalse(export.contains(mobileB));

        // nor can it write into the other subtree, or change the other partner's contact
        JsonNode refused = as(user, "POST", "contacts", write(obj().put("name", "越界").put("mobile", newMobile()).put("accountId", partnerB)))
                .expect(400).json();
        assertEquals("accountId", refused.get("field").asText());
        JsonNode b = get("contacts/" + contactB).json();
        as(user, "PUT", "contacts/" + contactB, write(((com.fasterxml.jackson.databind.node.ObjectNode) b).put("name", "改名"))).expect(404);
        as(user, "DELETE", "contacts/" + contactB + "?version=" + b.get("version").asLong(), null).expect(404);
        assertEquals("何静", get("contacts/" + contactB).json().get("name").asText());

        // and module administration is for administrators only
        as(user, "POST", "modules/sample-notes/enable", null).expect(403);

        // an administrator moves the user to the other partner: the scope follows at the next request
        JsonNode badRole = put("users/" + user, obj().put("scopeType", "PARTNER").put("accountId", partnerB)
                .set("roles", JSON.createArrayNode().add("no-such-role"))).expect(400).json();
        assertEquals("roles", badRole.get("field").asText());
        as(user, "GET", "contacts/" + contactA, null).expect(200);
        JsonNode changed = put("users/" + user, obj().put("scopeType", "PARTNER").put("accountId", partnerB)
                .set("roles", JSON.createArrayNode().add("partner"))).expect(200).json();
        assertEquals(partnerB, changed.get("accountId").asLong());
        as(user, "GET", "contacts/" + contactB, null).expect(200);
        as(user, "GET", "contacts/" + contactA, null).expect(404);
    }

    private static Reply as(String user, String method, String path, String body) {
        return call(method, path, user, PASSWORD, body == null ? null : "application/json", body);
    }
}
