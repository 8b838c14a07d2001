package org.opencrm.platform.core.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.address.Division;

class GbT2260DivisionsTest {
    private final GbT2260Divisions divisions = new GbT2260Divisions();

    @Test
    void cascadesFromProvinceToCityToDistrict() {
        assertTrue(divisions.provinces().contains(new Division("440000", "广东省")));
        assertTrue(divisions.provinces().size() >= 31);
        assertTrue(divisions.children("440000").contains(new Division("440300", "深圳市")));
        assertTrue(divisions.children("440000").stream().allMatch(d -> d.code().startsWith("44") && d.code().endsWith("00")));
        assertTrue(divisions.children("440300").contains(new Division("440305", "南山区")));
        assertTrue(divisions.children("440305").isEmpty());
        assertEquals(Optional.of(new Division("110105", "朝阳区")), divisions.find("110105"));
    }

    @Test
    void codesTheNamesEachBelowTheOneBefore() {
        assertEquals(Optional.of("440305"), divisions.codeOf("广东省", "深圳市", "南山区"));
        assertEquals(Optional.of("440300"), divisions.codeOf("广东省", "深圳市", null));
        assertEquals(Optional.of("440000"), divisions.codeOf("广东省", "", ""));
        // free text from before the selects, or a district under another city, has no code
        assertEquals(Optional.empty(), divisions.codeOf("广东", "深圳", null));
        assertEquals(Optional.empty(), divisions.codeOf("广东省", "广州市", "南山区"));
    }

    /** The indexed lookup answers as a walk of provinces() and children() does, for the names of every division. */
    @Test
    void theIndexedLookupAgreesWithAWalkOfTheListsForEveryDivision() {
        int checked = 0;
        for (Division p : divisions.provinces()) {
            assertEquals(walk(p.name(), null, null), divisions.codeOf(p.name(), null, null));
            for (Division c : divisions.children(p.code())) {
                assertEquals(walk(p.name(), c.name(), null), divisions.codeOf(p.name(), c.name(), null), c.toString());
                for (Division d : divisions.children(c.code())) {
                    assertEquals(walk(p.name(), c.name(), d.name()), divisions.codeOf(" " + p.name(), c.name() + " ", d.name()), d.toString());
                    checked++;
                }
            }
        }
        assertTrue(checked > 2500, "districts checked: " + checked);
        assertEquals(Optional.empty(), divisions.codeOf(null, "深圳市", null));
        assertEquals(Optional.empty(), divisions.codeOf(" ", null, null));
    }

    private Optional<String> walk(String province, String city, String district) {
        Optional<Division> p = divisions.provinces().stream().filter(d -> d.name().equals(province)).findFirst();
        if (p.isEmpty() || city == null) {
            return p.map(Division::code);
        }
        Optional<Division> c = divisions.children(p.get().code()).stream().filter(d -> d.name().equals(city)).findFirst();
        if (c.isEmpty() || district == null) {
            return c.map(Division::code);
        }
        return divisions.children(c.get().code()).stream().filter(d -> d.name().equals(district)).findFirst().map(Division::code);
    }
}
