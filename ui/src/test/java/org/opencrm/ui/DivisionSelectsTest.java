package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.address.Division;

import com.vaadin.data.provider.ListDataProvider;
import com.vaadin.ui.ComboBox;

/** The cascading 省/市/区 selects: what each offers after the one above is chosen, what they give back, how they show a stored address. */
class DivisionSelectsTest {
    /** A few divisions, coded like GB/T 2260. */
    static final class Few implements AdministrativeDivisions {
        final Map<String, String> names = new HashMap<>(Map.of("440000", "广东省", "440300", "深圳市", "440305", "南山区", "440100", "广州市",
                "110000", "北京市", "110100", "北京市", "110105", "朝阳区"));

        @Override
        public List<Division> provinces() {
            return names.entrySet().stream().filter(e -> e.getKey().endsWith("0000")).map(e -> new Division(e.getKey(), e.getValue())).sorted(
                    java.util.Comparator.comparing(Division::code)).toList();
        }

        @Override
        public List<Division> children(String code) {
            String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
            return names.entrySet().stream().filter(e -> !e.getKey().equals(code) && e.getKey().startsWith(prefix)
                    && (!code.endsWith("0000") || e.getKey().endsWith("00"))).map(e -> new Division(e.getKey(), e.getValue()))
                    .sorted(java.util.Comparator.comparing(Division::code)).toList();
        }

        @Override
        public Optional<Division> find(String code) {
            return Optional.ofNullable(names.get(code)).map(n -> new Division(code, n));
        }

        @Override
        public Optional<String> codeOf(String province, String city, String district) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> offered(ComboBox<Division> box) {
        return ((ListDataProvider<Division>) box.getDataProvider()).getItems().stream().map(Division::name).collect(Collectors.toList());
    }

    @Test
    void eachSelectOffersTheDivisionsBelowTheOneChosenAbove() {
        DivisionSelects s = new DivisionSelects(new Few(), Locale.SIMPLIFIED_CHINESE, "account");
        assertEquals("account-city", s.city.getId());
        assertEquals("城市", s.city.getCaption());
        assertEquals(List.of("北京市", "广东省"), offered(s.province));
        assertEquals(List.of(), offered(s.city));
        s.province.setValue(new Division("440000", "广东省"));
        assertEquals(List.of("广州市", "深圳市"), offered(s.city));
        assertEquals("440000", s.divisionCode());
        s.city.setValue(new Division("440300", "深圳市"));
        assertEquals(List.of("南山区"), offered(s.district));
        s.district.setValue(new Division("440305", "南山区"));
        assertEquals(List.of("广东省", "深圳市", "南山区", "440305"), List.of(s.province(), s.city(), s.district(), s.divisionCode()));
        s.province.setValue(new Division("110000", "北京市"));
        assertNull(s.city.getValue(), "another province clears the city and the district");
        assertNull(s.district.getValue());
        assertEquals("110000", s.divisionCode());
    }

    @Test
    void showsAStoredAddressByItsCodeOrItsNames() {
        DivisionSelects byCode = new DivisionSelects(new Few(), Locale.ENGLISH, "contact");
        assertEquals("District", byCode.district.getCaption());
        byCode.show("旧名", null, null, "110105");
        assertEquals(List.of("北京市", "北京市", "朝阳区", "110105"), List.of(byCode.province(), byCode.city(), byCode.district(), byCode.divisionCode()));

        DivisionSelects byNames = new DivisionSelects(new Few(), Locale.ENGLISH, "contact");
        byNames.show("广东省", "深圳市", null, null);
        assertEquals("440300", byNames.divisionCode());

        DivisionSelects freeText = new DivisionSelects(new Few(), Locale.ENGLISH, "contact");
        freeText.show("广东", "深圳", null, null);
        assertEquals(List.of("广东", "深圳"), List.of(freeText.province(), freeText.city()), "free text from before the selects is kept as it is");
        assertNull(freeText.divisionCode(), "and has no code");
    }
}
