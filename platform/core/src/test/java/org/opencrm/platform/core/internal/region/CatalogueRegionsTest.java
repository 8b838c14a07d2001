package org.opencrm.platform.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.region.Region;

/** Regions have a name per language; screens show the name, records keep the code. */
class CatalogueRegionsTest {
    @Test
    void theShippedRegionsHaveEnglishAndChineseNames() {
        List<Region> shipped = CatalogueRegions.shipped();
        assertEquals(List.of("NORTH", "NORTHEAST", "EAST", "CENTRAL", "SOUTH", "SOUTHWEST", "NORTHWEST"), shipped.stream().map(Region::code).toList());
        CatalogueRegions regions = new CatalogueRegions(null);
        assertEquals("华南", regions.name("SOUTH", Locale.SIMPLIFIED_CHINESE));
        assertEquals("South China", regions.name("south", Locale.ENGLISH));
        assertEquals("WEST-1", regions.name("WEST-1", Locale.SIMPLIFIED_CHINESE), "a code the catalogue does not know is shown as it is");
        assertEquals("", regions.name(null, Locale.ENGLISH));
    }

    @Test
    void aCompanyConfiguresItsOwnRegions() {
        List<Region> own = CatalogueRegions.parse(new String[] { "gd:Guangdong|广东大区", "HQ:Head office" });
        assertEquals(new Region("GD", "Guangdong", "广东大区"), own.get(0));
        assertEquals(new Region("HQ", "Head office", "Head office"), own.get(1));
        assertThrows(IllegalArgumentException.class, () -> CatalogueRegions.parse(new String[] { "no names" }));
    }
}
