package org.opencrm.platform.core.internal.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.address.Division;
import org.osgi.service.component.annotations.Component;

/**
 * The divisions from {@code gbt2260.tsv} in this package (code and name per line; generated from the npm package
 * {@code @vant/area-data}, MIT, a maintained data set that follows the Ministry of Civil Affairs' GB/T 2260 codes).
 * Codes are 6 digits: a province ends in 0000, a city in 00; a division's parent shares its leading digits. Loaded once
 * per instance, on first use (about 3,900 entries).
 */
@Component(service = AdministrativeDivisions.class)
public class GbT2260Divisions implements AdministrativeDivisions {
    private volatile Index index;

    /**
     * The divisions by code, and by name below each parent: codeOf runs for every contact saved and every row of a CSV
     * import, and walking all 3,900 entries three times per row (a third of an import's CPU) became three lookups.
     */
    private record Index(Map<String, String> names, Map<String, String> provinces, Map<String, Map<String, String>> childrenByName) {
    }

    private Map<String, String> names() {
        return index().names();
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            i = index(load());
            index = i;
        }
        return i;
    }

    /** The same parent-child rule as {@link #children}: a province's codes share its 2 leading digits and end in 00, a city's its 4. */
    private static Index index(Map<String, String> names) {
        Map<String, String> provinces = new HashMap<>();
        Map<String, Map<String, String>> children = new HashMap<>();
        // in code order, so that a name used twice under one parent finds the first, as a walk of the list did
        names.forEach((code, name) -> {
            if (code.endsWith("0000")) {
                provinces.putIfAbsent(name, code);
            }
            String province = code.substring(0, 2) + "0000";
            if (code.endsWith("00") && !code.equals(province)) {
                children.computeIfAbsent(province, k -> new HashMap<>()).putIfAbsent(name, code);
            }
            String city = code.substring(0, 4) + "00";
            if (!code.equals(city) && !city.endsWith("0000")) {
                children.computeIfAbsent(city, k -> new HashMap<>()).putIfAbsent(name, code);
            }
        });
        return new Index(names, provinces, children);
    }

    private static Map<String, String> load() {
        Map<String, String> map = new TreeMap<>();
        try (InputStream in = GbT2260Divisions.class.getResourceAsStream("gbt2260.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                map.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    @Override
    public List<Division> provinces() {
        List<Division> out = new ArrayList<>();
        names().forEach((code, name) -> {
            if (code.endsWith("0000")) {
                out.add(new Division(code, name));
            }
        });
        return out;
    }

    @Override
    public List<Division> children(String code) {
        List<Division> out = new ArrayList<>();
        if (code == null || !code.matches("\\d{6}") || !code.endsWith("00")) {
            return out;
        }
        boolean province = code.endsWith("0000");
        String prefix = province ? code.substring(0, 2) : code.substring(0, 4);
        names().forEach((c, name) -> {
            if (!c.equals(code) && c.startsWith(prefix) && (province ? c.endsWith("00") : true)) {
                out.add(new Division(c, name));
            }
        });
        return out;
    }

    @Override
    public Optional<Division> find(String code) {
        String name = code == null ? null : names().get(code);
        return name == null ? Optional.empty() : Optional.of(new Division(code, name));
    }

    @Override
    public Optional<String> codeOf(String province, String city, String district) {
        if (blank(province)) {
            return Optional.empty();
        }
        Index i = index();
        String p = i.provinces().get(province.strip());
        if (p == null) {
            return Optional.empty();
        }
        if (blank(city)) {
            return Optional.of(p);
        }
        String c = child(i, p, city);
        if (c == null) {
            return Optional.empty();
        }
        if (blank(district)) {
            return Optional.of(c);
        }
        return Optional.ofNullable(child(i, c, district));
    }

    private static String child(Index i, String parent, String name) {
        return blank(name) ? null : i.childrenByName().getOrDefault(parent, Map.of()).get(name.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
