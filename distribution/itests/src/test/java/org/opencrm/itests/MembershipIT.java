package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The membership module over real HTTP: enrolment with a card, the till (earn, idempotent replay, redeem, top-up
 * with bonus, spend), refusals (400 naming the field, 409 with the balance, nothing written), card lifecycle,
 * promotions and coupons, a store clerk's scope, permissions, and 64 concurrent clients earning and redeeming.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MembershipIT extends CrmTestSupport {
    private static final String MODULE = "membership-points";
    private static final String PASSWORD = "Member-pass-1";
    private static final AtomicLong REFS = new AtomicLong();

    private static void enabled() {
        if (!"ACTIVE".equals(get("modules/" + MODULE).expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        }
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (get("members?limit=1").status() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("GET members did not answer 200: " + get("members?limit=1"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String tag() {
        return Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();
    }

    private static String ref() {
        return "IT-" + tag() + "-" + REFS.incrementAndGet();
    }

    private static JsonNode enrol(long store, String kind) {
        ObjectNode body = obj().put("name", "会员 " + tag()).put("mobile", newMobile()).put("joinStoreAccountId", store).put("cardKind", kind);
        if ("COMBINED".equals(kind) || "DISCOUNT".equals(kind)) {
            body.put("discountPercent", 95);
        }
        return post("members", body).expect(201).json();
    }

    private static ObjectNode purchase(String reference, String amount, long store) {
        return obj().put("reference", reference).put("amount", new BigDecimal(amount)).put("storeAccountId", store);
    }

    private static long ledgerTotal(long member) {
        return get("members/" + member + "/points/ledger?limit=1").expect(200).json().get("total").asLong();
    }

    private static Reply as(String user, String method, String path, Object body) {
        return call(method, path, user, PASSWORD, body == null ? null : "application/json", body == null ? null : write(body));
    }

    @Test
    public void theTillEarnsRedeemsTopsUpAndSpendsAndRefusesWithoutWriting() {
        enabled();
        long store = createAccount("会员店 " + tag(), "STORE", null);
        JsonNode m = enrol(store, "COMBINED");
        long id = m.get("id").asLong();
        String card = m.get("cards").get(0).get("cardNumber").asText();
        assertEquals("NORMAL", m.get("tier").asText());
        assertTrue(m.get("cards").get(0).get("usable").asBoolean());
        assertEquals(id, get("members/lookup?key=" + card).expect(200).json().get("id").asLong());
        assertEquals(id, get("members/lookup?key=" + m.get("mobile").asText()).expect(200).json().get("id").asLong());

        String r1 = ref();
        JsonNode earned = post("members/" + id + "/points/earn", purchase(r1, "128.99", store).put("cardNumber", card)).expect(200).json();
        assertEquals(128, earned.get("points").asLong());
        assertEquals(128, earned.get("pointsBalance").asLong());
        assertFalse(earned.get("replayed").asBoolean());
        JsonNode again = post("members/" + id + "/points/earn", purchase(r1, "128.99", store).put("cardNumber", card)).expect(200).json();
        assertTrue(again.get("replayed").asBoolean());
        assertEquals(128, again.get("pointsBalance").asLong());
        assertEquals(1, ledgerTotal(id));
        assertEquals(r1, get("members/transactions/" + r1).expect(200).json().get("reference").asText());

        // refusals: 400 naming the field, 409 with the balance; nothing written
        assertEquals("amount", post("members/" + id + "/points/earn", purchase(ref(), "-5", store)).expect(400).json().get("field").asText());
        assertEquals("amount", post("members/" + id + "/points/earn", purchase(ref(), "1.001", store)).expect(400).json().get("field").asText());
        assertEquals("reference", post("members/" + id + "/points/earn", obj().put("amount", 10).put("storeAccountId", store)).expect(400).json()
                .get("field").asText());
        JsonNode short409 = post("members/" + id + "/points/redeem", obj().put("reference", ref()).put("points", 500).put("storeAccountId", store))
                .expect(409).json();
        assertEquals("insufficient_points", short409.get("error").asText());
        assertEquals(128, short409.get("pointsBalance").asLong());
        assertEquals(1, ledgerTotal(id));
        JsonNode redeemed = post("members/" + id + "/points/redeem", obj().put("reference", ref()).put("points", 100).put("storeAccountId", store))
                .expect(200).json();
        assertEquals(28, redeemed.get("pointsBalance").asLong());
        assertEquals(0, new BigDecimal("1.00").compareTo(redeemed.get("amount").decimalValue()));

        JsonNode top = post("members/" + id + "/stored-value/top-up", purchase(ref(), "1000", store)).expect(200).json();
        assertEquals(0, new BigDecimal("100").compareTo(top.get("bonus").decimalValue()));
        assertEquals(0, new BigDecimal("1100").compareTo(top.get("valueBalance").decimalValue()));
        JsonNode broke = post("members/" + id + "/stored-value/spend", purchase(ref(), "1100.01", store)).expect(409).json();
        assertEquals("insufficient_value", broke.get("error").asText());
        assertEquals(0, new BigDecimal("1100").compareTo(broke.get("valueBalance").decimalValue()));
        String spendRef = ref();
        post("members/" + id + "/stored-value/spend", purchase(spendRef, "99.90", store)).expect(200);
        JsonNode refund = post("members/" + id + "/stored-value/refund", purchase(ref(), "9.90", store).put("originalReference", spendRef)).expect(200).json();
        assertEquals(0, new BigDecimal("1010.00").compareTo(refund.get("valueBalance").decimalValue()));
        assertEquals(4, get("members/" + id + "/stored-value/ledger").expect(200).json().get("total").asLong());
        assertEquals(0, new BigDecimal("1010.00").compareTo(get("members/" + id + "/stored-value").json().get("balance").decimalValue()));

        // a lost card is blocked at once; its replacement carries the balances
        post("cards/" + card + "/report-lost", obj().put("note", "call")).expect(200);
        assertEquals("card_blocked", post("members/" + id + "/points/earn", purchase(ref(), "10", store).put("cardNumber", card)).expect(409).json()
                .get("error").asText());
        JsonNode replacement = post("cards/" + card + "/replace", obj()).expect(201).json();
        String newCard = replacement.get("cardNumber").asText();
        assertNotEquals(card, newCard);
        assertEquals("REPLACED", get("cards/" + card).json().get("status").asText());
        JsonNode later = post("members/" + id + "/points/earn", purchase(ref(), "10", store).put("cardNumber", newCard)).expect(200).json();
        assertEquals(38, later.get("pointsBalance").asLong());
        assertEquals(0, new BigDecimal("1010.00").compareTo(later.get("valueBalance").decimalValue()));
        post("cards/" + newCard + "/cancel", obj()).expect(200);
        post("members/" + id + "/points/earn", purchase(ref(), "10", store).put("cardNumber", newCard)).expect(409);

        // adjust with a reason; notifications queued; reports
        assertEquals("reason", post("members/" + id + "/points/adjust", obj().put("reference", ref()).put("points", 10)).expect(400).json().get("field").asText());
        assertEquals(48, post("members/" + id + "/points/adjust", obj().put("reference", ref()).put("points", 10).put("reason", "goodwill")).expect(200).json()
                .get("pointsBalance").asLong());
        assertTrue(get("members/" + id + "/notifications").expect(200).json().get("total").asLong() >= 6);
        assertTrue(get("members/reports/liability").expect(200).json().get("points").asLong() >= 48);
        assertTrue(get("members/reports/tiers").expect(200).json().get("total").asLong() >= 1);
        assertTrue(get("members/reports/active?days=7").expect(200).json().get("active").asLong() >= 1);
        post("members/maintenance/run", "").expect(200);
    }

    @Test
    public void promotionsMultiplyAndACouponIsUsedOnce() {
        enabled();
        long store = createAccount("促销店 " + tag(), "STORE", null);
        String today = businessToday().toString();
        post("promotions", obj().put("name", "门店三倍 " + tag()).put("multiplier", 3).put("startDate", today).put("endDate", today).put("storeAccountId", store))
                .expect(201);
        assertEquals("multiplier", post("promotions", obj().put("name", "bad").put("multiplier", 0.5).put("startDate", today).put("endDate", today))
                .expect(400).json().get("field").asText());
        long id = enrol(store, "MEMBER").get("id").asLong();
        assertEquals(300, post("members/" + id + "/points/earn", purchase(ref(), "100", store)).expect(200).json().get("points").asLong());
        JsonNode coupon = post("coupons", obj().put("memberId", id).put("name", "加赠").put("bonusPoints", 50)).expect(201).json();
        String code = coupon.get("code").asText();
        assertEquals(30 + 50, post("members/" + id + "/points/earn", purchase(ref(), "10", store).put("couponCode", code)).expect(200).json().get("points")
                .asLong());
        assertEquals("coupon_used", post("members/" + id + "/points/earn", purchase(ref(), "10", store).put("couponCode", code)).expect(409).json()
                .get("error").asText());
        assertTrue(get("coupons/" + code).expect(200).json().get("used").asBoolean());
    }

    @Test
    public void aStoreClerkServesAnyMemberAtHisOwnStoreAndListsOnlyHisStoresMembers() {
        enabled();
        String t = tag();
        long partnerA = createAccount("会员代理A " + t, "PROVINCIAL_DISTRIBUTOR", null);
        long storeA = createAccount("会员店A " + t, "STORE", partnerA);
        long partnerB = createAccount("会员代理B " + t, "PROVINCIAL_DISTRIBUTOR", null);
        long storeB = createAccount("会员店B " + t, "STORE", partnerB);
        long mine = enrol(storeA, "MEMBER").get("id").asLong();
        JsonNode theirs = enrol(storeB, "MEMBER");
        long theirsId = theirs.get("id").asLong();
        String clerk = "mclerk" + t.toLowerCase();
        post("users", obj().put("username", clerk).put("password", PASSWORD).put("scopeType", "STORE").put("accountId", storeA)
                .set("roles", JSON.createArrayNode().add("admin"))).expect(201);
        String agent = "magent" + t.toLowerCase();
        post("users", obj().put("username", agent).put("password", PASSWORD).set("roles", JSON.createArrayNode().add("agent"))).expect(201);

        JsonNode list = as(clerk, "GET", "members", null).expect(200).json();
        assertEquals(list.toString(), 1, list.get("total").asLong());
        assertEquals(mine, list.get("items").get(0).get("id").asLong());
        as(clerk, "GET", "members/" + theirsId, null).expect(404);
        assertEquals(theirsId, as(clerk, "GET", "members/lookup?key=" + theirs.get("cards").get(0).get("cardNumber").asText(), null).expect(200).json()
                .get("id").asLong());
        JsonNode earned = as(clerk, "POST", "members/" + theirsId + "/points/earn", obj().put("reference", ref()).put("amount", 20)).expect(200).json();
        assertEquals(storeA, earned.get("storeAccountId").asLong());
        as(clerk, "POST", "members/" + theirsId + "/points/earn", purchase(ref(), "20", storeB)).expect(403);
        assertTrue(as(agent, "GET", "members", null).expect(403).body().contains("membership.read"));
        assertTrue(as(agent, "POST", "members/" + mine + "/points/earn", purchase(ref(), "20", storeA)).expect(403).body().contains("membership.cashier"));
    }

    @Inject
    protected ConfigurationAdmin configAdmin;

    /** Sets (or with null removes) the till's group commit settings in etc/org.opencrm.membership.cfg's configuration. */
    private void tillSettings(Integer committers, Integer batchSize) throws Exception {
        Configuration c = configAdmin.getConfiguration("org.opencrm.membership", "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        if (committers == null) {
            props.remove("tillCommitters");
            props.remove("tillBatchSize");
        } else {
            props.put("tillCommitters", committers);
            props.put("tillBatchSize", batchSize);
        }
        c.update(props);
    }

    /** Waits until the till runs this many committer threads (the component resizes it when its configuration changes). */
    private static void awaitCommitters(int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long running = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("membership-till-committer-") && t.isAlive()).count();
            if (running == count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the till runs " + running + " committer threads, not " + count);
            }
            Thread.sleep(50);
        }
    }

    /**
     * 64 clients earn and redeem against the same members, each request sent twice at once; while they do, the till
     * is resized (2 committers of 8 requests, then back to the defaults, 4 of 64) through its configuration.
     */
    @Test
    public void sixtyFourClientsKeepEveryBalanceEqualToItsLedger() throws Exception {
        enabled();
        long store = createAccount("并发店 " + tag(), "STORE", null);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(enrol(store, "MEMBER").get("id").asLong());
        }
        List<Object[]> requests = new ArrayList<>();
        String run = tag();
        for (int i = 0; i < 640; i++) {
            requests.add(new Object[] { members.get(ThreadLocalRandom.current().nextInt(members.size())), ThreadLocalRandom.current().nextInt(3),
                    "CC-" + run + "-" + i, ThreadLocalRandom.current().nextInt(1, 200) });
        }
        List<Object[]> sends = new ArrayList<>(requests);
        sends.addAll(requests);
        Collections.shuffle(sends);
        Map<String, List<String>> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = client; i < sends.size(); i += 64) {
                    Object[] r = sends.get(i);
                    long member = (Long) r[0];
                    String reference = (String) r[2];
                    int n = (Integer) r[3];
                    Reply reply = (Integer) r[1] < 2 ? post("members/" + member + "/points/earn", purchase(reference, Integer.toString(n), store))
                            : post("members/" + member + "/points/redeem", obj().put("reference", reference).put("points", n).put("storeAccountId", store));
                    if (reply.status() != 200 && reply.status() != 409) {
                        throw new AssertionError("HTTP " + reply.status() + ": " + reply.body());
                    }
                    answers.computeIfAbsent(reference, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(reply.status() == 200 ? reply.json().get("points").asText() + "/" + reply.json().get("pointsBalance").asText() : "409");
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        tillSettings(2, 8);
        awaitCommitters(2);
        for (Future<?> f : done) {
            f.get();
        }
        tillSettings(null, null);
        awaitCommitters(4);
        System.out.printf("MembershipIT: %d HTTP calls by 64 clients in %.2f s%n", sends.size(), (System.nanoTime() - t0) / 1e9);
        pool.shutdown();
        for (Map.Entry<String, List<String>> e : answers.entrySet()) {
            List<String> pair = e.getValue();
            if (!pair.contains("409")) {
                assertEquals("both copies of " + e.getKey() + " answered the same", pair.get(0), pair.get(1));
            }
        }
        for (long m : members) {
            long balance = get("members/" + m).expect(200).json().get("pointsBalance").asLong();
            long sum = 0;
            JsonNode page = get("members/" + m + "/points/ledger?limit=500").expect(200).json();
            java.util.Set<String> refs = new java.util.HashSet<>();
            for (JsonNode row : page.get("items")) {
                sum += row.get("points").asLong();
                assertTrue("balance never negative", row.get("balanceAfter").asLong() >= 0);
                assertTrue("reference applied once: " + row.get("reference").asText(), refs.add(row.get("reference").asText()));
            }
            assertEquals(page.get("total").asLong(), page.get("items").size());
            assertEquals("balance = ledger of member " + m, balance, sum);
        }
    }
}
