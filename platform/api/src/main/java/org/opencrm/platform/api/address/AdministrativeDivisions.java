package org.opencrm.platform.api.address;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The national administrative divisions, as the platform ships them (a service of the core). */
@ProviderType
public interface AdministrativeDivisions {
    /** Provinces, autonomous regions and municipalities, by code. */
    List<Division> provinces();

    /** The divisions directly below {@code code}: a province's cities, a city's districts and counties; empty below a county. */
    List<Division> children(String code);

    Optional<Division> find(String code);

    /**
     * The code of the most specific division the names give, each looked up below the one before (province, then
     * city, then district; a later one may be blank), or empty when the names are not the divisions' own.
     */
    Optional<String> codeOf(String province, String city, String district);

    /**
     * The divisions from the province down to {@code code} itself (one to three of them: province, city, district),
     * or empty when the code is not a known division. Since 1.1.
     */
    default List<Division> path(String code) {
        if (code == null || !code.matches("\\d{6}") || find(code).isEmpty()) {
            return List.of();
        }
        java.util.List<Division> out = new java.util.ArrayList<>();
        find(code.substring(0, 2) + "0000").ifPresent(out::add);
        if (!code.endsWith("0000")) {
            find(code.substring(0, 4) + "00").filter(d -> !out.contains(d)).ifPresent(out::add);
            if (!code.endsWith("00")) {
                find(code).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }
}
