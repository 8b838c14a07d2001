package org.opencrm.platform.core.internal.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opencrm.platform.api.region.Region;
import org.opencrm.platform.api.region.Regions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The region catalogue: the configured regions ({@code regions} of {@value RegionConfig#PID}), or else the seven
 * shipped in {@code regions.tsv} of this package. A code is matched without regard to case.
 */
@Component(service = Regions.class, configurationPid = RegionConfig.PID)
@Designate(ocd = RegionConfig.class)
public class CatalogueRegions implements Regions {
    private volatile List<Region> regions;

    @Activate
    public CatalogueRegions(RegionConfig config) {
        modified(config);
    }

    @Modified
    void modified(RegionConfig config) {
        regions = config == null || config.regions().length == 0 ? shipped() : parse(config.regions());
    }

    @Override
    public List<Region> all() {
        return regions;
    }

    @Override
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : regions.stream().filter(r -> r.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The shipped catalogue. */
    public static List<Region> shipped() {
        List<Region> out = new ArrayList<>();
        try (InputStream in = CatalogueRegions.class.getResourceAsStream("regions.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Region(f[0].strip(), f[1].strip(), f[2].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** "SOUTH:South China|华南" entries; a missing Chinese name repeats the English one. */
    static List<Region> parse(String[] entries) {
        List<Region> out = new ArrayList<>();
        for (String e : entries) {
            int colon = e.indexOf(':');
            if (colon < 1 || e.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException("regions: '" + e + "' is not CODE:English name|Chinese name");
            }
            String[] names = e.substring(colon + 1).split("\\|", 2);
            String en = names[0].strip();
            out.add(new Region(e.substring(0, colon).strip().toUpperCase(Locale.ROOT), en, names.length > 1 && !names[1].isBlank() ? names[1].strip() : en));
        }
        return List.copyOf(out);
    }
}
