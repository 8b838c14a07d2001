package org.opencrm.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.address.Division;

import com.vaadin.data.provider.ListDataProvider;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;

/**
 * 省/市/区 as three cascading selects on the national administrative divisions (GB/T 2260), for any form with an
 * address: choosing a province offers its cities, a city its districts. What the form stores is the names
 * ({@link #province()}, {@link #city()}, {@link #district()}) and the code of the most specific chosen division
 * ({@link #divisionCode()}). A stored name that is not a division's own (free text from before the selects) is shown
 * as it is, without a code, until the user chooses a division. Since 1.6.
 */
public final class DivisionSelects {
    public final ComboBox<Division> province;
    public final ComboBox<Division> city;
    public final ComboBox<Division> district;
    private final AdministrativeDivisions divisions;

    /** {@code idPrefix} prefixes the selects' ids (for tests): {@code <idPrefix>-province}, {@code -city}, {@code -district}. */
    public DivisionSelects(AdministrativeDivisions divisions, Locale locale, String idPrefix) {
        this.divisions = divisions;
        Messages msg = Messages.of(DivisionSelects.class, "org.opencrm.ui.messages", locale);
        province = select(msg.get("address.province"), idPrefix + "-province");
        city = select(msg.get("address.city"), idPrefix + "-city");
        district = select(msg.get("address.district"), idPrefix + "-district");
        province.setItems(divisions.provinces());
        city.setItems(List.of());
        district.setItems(List.of());
        province.addValueChangeListener(e -> {
            city.setItems(below(e.getValue()));
            city.setValue(null);
        });
        city.addValueChangeListener(e -> {
            district.setItems(below(e.getValue()));
            district.setValue(null);
        });
    }

    private List<Division> below(Division d) {
        return d == null || d.code().isEmpty() ? List.of() : divisions.children(d.code());
    }

    private static ComboBox<Division> select(String caption, String id) {
        ComboBox<Division> box = new ComboBox<>(caption);
        box.setId(id);
        box.setItemCaptionGenerator(Division::name);
        box.setWidth("100%");
        return box;
    }

    /** The three selects, in order, for a form's {@code addComponents}. */
    public Component[] components() {
        return new Component[] { province, city, district };
    }

    /** Puts the selects into a form's error map as {@code province}, {@code city} and {@code district}, the services' field names. */
    public void register(Map<String, AbstractComponent> fields) {
        fields.put("province", province);
        fields.put("city", city);
        fields.put("district", district);
    }

    /**
     * Shows a stored address: by its code when it has one (the divisions' current names), else by its names, each
     * looked up below the one before; a name that is no division's stays as typed.
     */
    public void show(String provinceName, String cityName, String districtName, String divisionCode) {
        List<Division> path = divisions.path(divisionCode);
        if (!path.isEmpty()) {
            province.setValue(path.get(0));
            if (path.size() > 1) {
                city.setValue(path.get(1));
            }
            if (path.size() > 2) {
                district.setValue(path.get(2));
            }
            return;
        }
        choose(province, provinceName);
        choose(city, cityName);
        choose(district, districtName);
    }

    @SuppressWarnings("unchecked")
    private static void choose(ComboBox<Division> box, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        Collection<Division> items = box.getDataProvider() instanceof ListDataProvider<?> list ? (Collection<Division>) list.getItems() : List.of();
        Division match = items.stream().filter(d -> d.name().equals(name.strip())).findFirst().orElse(null);
        if (match == null) {
            match = new Division("", name.strip());
            List<Division> all = new ArrayList<>(items);
            all.add(0, match);
            box.setItems(all);
        }
        box.setValue(match);
    }

    public String province() {
        return name(province);
    }

    public String city() {
        return name(city);
    }

    public String district() {
        return name(district);
    }

    /** The code of the most specific chosen division, or null when none is chosen or the chosen names are free text. */
    public String divisionCode() {
        for (ComboBox<Division> box : List.of(district, city, province)) {
            if (box.getValue() != null) {
                String code = box.getValue().code();
                return code.isEmpty() ? null : code;
            }
        }
        return null;
    }

    private static String name(ComboBox<Division> box) {
        return box.getValue() == null ? null : box.getValue().name();
    }
}
