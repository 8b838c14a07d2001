package org.opencrm.platform.core.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.core.internal.demo.DemoDataSet.AccountSeed;
import org.opencrm.platform.core.internal.demo.DemoDataSet.ActivitySeed;
import org.opencrm.platform.core.internal.demo.DemoDataSet.ContactSeed;

class DemoDataSetTest {
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^user\\d+@(qq|163|126|sina|foxmail)\\.com$");
    private static final Set<String> ACCOUNT_TYPES = Set.of("NATIONAL_DISTRIBUTOR", "PROVINCIAL_DISTRIBUTOR", "REGIONAL_DISTRIBUTOR",
            "RETAIL_CHAIN", "STORE", "SERVICE_PROVIDER", "FRANCHISEE", "OPERATOR", "END_CUSTOMER_COMPANY");
    private static final Set<String> REGIONS = Set.of("NORTH", "EAST", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST", "NORTHEAST");
    private static final Set<String> TAGS = Set.of("VIP", "以旧换新", "老客户", "企业客户", "潜在客户", "会员", "延保用户");
    private static final int SAMPLE = 20_000;

    private final DemoDataSet data = new DemoDataSet(42);

    @Test
    void sameSeedGivesSameData() {
        DemoDataSet again = new DemoDataSet(42);
        assertEquals(data.accounts(), again.accounts());
        for (int i = 0; i < 2_000; i++) {
            assertEquals(data.contact(i), again.contact(i));
        }
        assertEquals(data.contact(9_999_999), again.contact(9_999_999));
        assertEquals(data.contact(Integer.MAX_VALUE), again.contact(Integer.MAX_VALUE));
        assertEquals(data.activities(1_000), again.activities(1_000));
        // random access does not depend on what was generated before
        assertEquals(new DemoDataSet(42).contact(1_234), data.contact(1_234));
    }

    @Test
    void differentSeedsGiveDifferentData() {
        DemoDataSet other = new DemoDataSet(43);
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            if (data.contact(i).equals(other.contact(i))) {
                same++;
            }
        }
        assertEquals(0, same);
        assertNotEquals(data.activities(100), other.activities(100));
    }

    @Test
    void consecutiveMobilesAreDistinctAndValid() {
        for (int start : new int[] {0, 9_800_000}) {
            Set<String> mobiles = new HashSet<>();
            for (int i = start; i < start + 200_000; i++) {
                String mobile = data.contact(i).mobile();
                assertTrue(MOBILE.matcher(mobile).matches(), mobile);
                mobiles.add(mobile);
            }
            assertEquals(200_000, mobiles.size());
        }
    }

    @Test
    void subscriberDigitsAreUniqueForTheFirstTenMillionIndexes() {
        // stronger than needed: below 10^8 the 8 subscriber digits alone never repeat
        BitSet seen = new BitSet(100_000_000);
        for (int i = 0; i < 10_000_000; i++) {
            int subscriber = (int) (data.mobileNumber(i) % 100_000_000L);
            assertFalse(seen.get(subscriber), () -> "repeated subscriber digits");
            seen.set(subscriber);
        }
    }

    @Test
    void mobilesStayUniqueAcrossBlocksOfHundredMillion() {
        for (int rest : new int[] {0, 1, 47_483_647, 99_999_999}) {
            Set<Long> mobiles = new HashSet<>();
            for (long index = rest; index <= Integer.MAX_VALUE; index += 100_000_000L) {
                String mobile = data.mobile((int) index);
                assertTrue(MOBILE.matcher(mobile).matches(), mobile);
                mobiles.add(Long.parseLong(mobile));
            }
            assertEquals(rest <= 47_483_647 ? 22 : 21, mobiles.size());
        }
        assertThrows(IllegalArgumentException.class, () -> data.contact(-1));
    }

    @Test
    void accountHierarchyIsOrderedAndComplete() {
        List<AccountSeed> accounts = data.accounts();
        Map<String, AccountSeed> seen = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (AccountSeed a : accounts) {
            assertNotBlank(a.key(), a.name(), a.type(), a.region(), a.province(), a.city());
            assertTrue(ACCOUNT_TYPES.contains(a.type()), a.type());
            assertTrue(REGIONS.contains(a.region()), a.region());
            assertTrue(names.add(a.name()), "duplicate name " + a.name());
            if (a.type().equals("NATIONAL_DISTRIBUTOR")) {
                assertNull(a.parentKey());
            } else {
                assertTrue(seen.containsKey(a.parentKey()), "parent must come first: " + a);
            }
            assertNull(seen.put(a.key(), a), "duplicate key " + a.key());
        }
        Map<String, List<AccountSeed>> byType = accounts.stream().collect(Collectors.groupingBy(AccountSeed::type));
        assertEquals(1, byType.get("NATIONAL_DISTRIBUTOR").size());
        assertEquals(0, accounts.indexOf(byType.get("NATIONAL_DISTRIBUTOR").get(0)));
        assertEquals(6, byType.get("PROVINCIAL_DISTRIBUTOR").size());
        assertEquals(6, byType.get("SERVICE_PROVIDER").size());
        assertEquals(4, byType.get("FRANCHISEE").size());
        for (AccountSeed p : byType.get("PROVINCIAL_DISTRIBUTOR")) {
            long regionals = children(accounts, p, "REGIONAL_DISTRIBUTOR");
            assertTrue(regionals >= 2 && regionals <= 3, p.name());
        }
        for (AccountSeed r : byType.get("REGIONAL_DISTRIBUTOR")) {
            long stores = children(accounts, r, "STORE");
            assertTrue(stores >= 3 && stores <= 6, r.name());
            assertEquals("PROVINCIAL_DISTRIBUTOR", seen.get(r.parentKey()).type());
        }
        for (AccountSeed s : byType.get("STORE")) {
            AccountSeed parent = seen.get(s.parentKey());
            assertEquals(parent.city(), s.city(), "stores are in their sub-distributor's city");
            assertTrue(s.name().contains("手机 "), s.name());
        }
        for (AccountSeed s : byType.get("SERVICE_PROVIDER")) {
            assertEquals("PROVINCIAL_DISTRIBUTOR", seen.get(s.parentKey()).type());
            assertTrue(s.name().contains("授权服务中心"), s.name());
        }
    }

    @Test
    void contactsAreCompleteAndLinkedToExistingOutlets() {
        Map<String, AccountSeed> accounts = new HashMap<>();
        Set<String> outletProvinces = new HashSet<>();
        for (AccountSeed a : data.accounts()) {
            accounts.put(a.key(), a);
            if (a.type().equals("STORE") || a.type().equals("SERVICE_PROVIDER")) {
                outletProvinces.add(a.province());
            }
        }
        int emails = 0;
        int birthdays = 0;
        int linked = 0;
        Set<String> provinces = new HashSet<>();
        Set<String> surnames = new HashSet<>();
        Set<String> givenChars = new HashSet<>();
        for (int i = 0; i < SAMPLE; i++) {
            ContactSeed c = data.contact(i);
            assertNotBlank(c.name(), c.mobile(), c.gender(), c.province(), c.city(), c.district(), c.street());
            assertTrue(c.name().length() >= 2 && c.name().length() <= 4, c.name());
            assertTrue(c.gender().equals("MALE") || c.gender().equals("FEMALE"), c.gender());
            assertTrue(c.street().matches("^\\S+ \\d+ 号.*"), c.street());
            assertTrue(c.city().endsWith("市"), c.city());
            assertTrue(c.district().endsWith("区"), c.district());
            assertNotNull(c.tags());
            assertTrue(c.tags().size() <= 2 && TAGS.containsAll(c.tags()) && new HashSet<>(c.tags()).size() == c.tags().size(), c.tags()::toString);
            if (c.email() != null) {
                emails++;
                assertTrue(EMAIL.matcher(c.email()).matches(), c.email());
            }
            if (c.birthday() != null) {
                birthdays++;
                int age = Period.between(c.birthday(), DemoDataSet.REFERENCE_DATE).getYears();
                assertTrue(age >= 18 && age <= 75, c.birthday()::toString);
            }
            if (c.accountKey() != null) {
                linked++;
                AccountSeed account = accounts.get(c.accountKey());
                assertNotNull(account, "unknown account " + c.accountKey());
                assertTrue(account.type().equals("STORE") || account.type().equals("SERVICE_PROVIDER"), account.type());
                if (outletProvinces.contains(c.province())) {
                    assertEquals(c.province(), account.province(), "same province when possible");
                }
            }
            provinces.add(c.province());
            surnames.add(c.name().substring(0, 1));
            c.name().substring(1).codePoints().forEach(cp -> givenChars.add(Character.toString(cp)));
        }
        assertBetween(emails, 0.35, 0.45);
        assertBetween(birthdays, 0.65, 0.75);
        assertBetween(linked, 0.55, 0.65);
        assertTrue(provinces.size() >= 20, "provinces " + provinces.size());
        assertTrue(surnames.size() >= 60, "surnames " + surnames.size());
        assertTrue(givenChars.size() >= 150, "given-name characters " + givenChars.size());
    }

    @Test
    void householdsAreSmallConsecutiveFamiliesSharingAnAddress() {
        Map<String, List<Integer>> households = new HashMap<>();
        for (int i = 0; i < SAMPLE; i++) {
            String key = data.contact(i).householdKey();
            if (key != null) {
                households.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        int members = 0;
        for (List<Integer> family : households.values()) {
            assertTrue(family.size() == 2 || family.size() == 3, family::toString);
            assertEquals(family.get(0) + family.size() - 1, (int) family.get(family.size() - 1), "consecutive indexes");
            ContactSeed head = data.contact(family.get(0));
            for (int index : family) {
                ContactSeed member = data.contact(index);
                assertEquals(List.of(head.province(), head.city(), head.district(), head.street()),
                        List.of(member.province(), member.city(), member.district(), member.street()));
                assertEquals(head.accountKey(), member.accountKey());
            }
            members += family.size();
        }
        assertBetween(members, 0.07, 0.13);
    }

    @Test
    void activitiesAreRealisticAndPrefixStable() {
        int contacts = 10_000;
        List<ActivitySeed> activities = data.activities(contacts);
        assertTrue(activities.size() > contacts * 1.4 && activities.size() < contacts * 1.6, "activities " + activities.size());
        Set<String> types = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        for (ActivitySeed a : activities) {
            assertTrue(a.contactIndex() >= 0 && a.contactIndex() < contacts);
            assertNotBlank(a.type(), a.subject(), a.status());
            assertTrue(Set.of("CALL", "VISIT", "EMAIL", "SMS", "TASK", "NOTE").contains(a.type()), a.type());
            assertTrue(Set.of("OPEN", "DONE", "CANCELLED").contains(a.status()), a.status());
            if (a.status().equals("OPEN")) {
                assertNotNull(a.dueDate());
                assertTrue(!a.dueDate().isBefore(LocalDate.of(2026, 10, 15)) && a.dueDate().isBefore(LocalDate.of(2026, 12, 31)),
                        a.dueDate()::toString);
            }
            types.add(a.type());
            statuses.add(a.status());
        }
        assertEquals(6, types.size());
        assertEquals(3, statuses.size());
        assertEquals(data.activities(100), activities.subList(0, data.activities(100).size()));
        assertTrue(data.activities(0).isEmpty());
    }

    private static long children(List<AccountSeed> accounts, AccountSeed parent, String type) {
        return accounts.stream().filter(a -> parent.key().equals(a.parentKey()) && a.type().equals(type)).count();
    }

    private static void assertBetween(int count, double min, double max) {
        double share = (double) count / SAMPLE;
        assertTrue(share >= min && share <= max, "share " + share + " not in [" + min + ", " + max + "]");
    }

    private static void assertNotBlank(String... values) {
        for (String v : values) {
            assertNotNull(v);
            assertFalse(v.isBlank());
        }
    }
}
