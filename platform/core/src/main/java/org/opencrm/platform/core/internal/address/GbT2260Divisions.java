package org.opencrm.platform.core.internal.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private volatile Map<String, String> names;

    private Map<String, String> names() {
        Map<String, String> n = names;
        if (n == null) {
            n = load();
            names = n;
        }
        return n;
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
        Optional<Division> p = named(provinces(), province);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (blank(city)) {
            return Optional.of(p.get().code());
        }
        Optional<Division> c = named(children(p.get().code()), city);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (blank(district)) {
            return Optional.of(c.get().code());
        }
        return named(children(c.get().code()), district).map(Division::code);
    }

    private static Optional<Division> named(List<Division> divisions, String name) {
        return blank(name) ? Optional.empty() : divisions.stream().filter(d -> d.name().equals(name.strip())).findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
