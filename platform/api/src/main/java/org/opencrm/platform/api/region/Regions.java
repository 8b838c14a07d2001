package org.opencrm.platform.api.region;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The region catalogue (a service of the core). */
@ProviderType
public interface Regions {
    /** Every region, in the catalogue's order. */
    List<Region> all();

    Optional<Region> find(String code);

    /** What a screen shows for a stored region code: its name in the language of {@code locale}, or the code itself when the catalogue does not know it ("" for none). */
    default String name(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return find(code).map(r -> r.name(locale)).orElse(code);
    }
}
