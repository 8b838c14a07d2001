package org.opencrm.module.repair.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.repair.internal.dto.FaultCodeData;
import org.opencrm.module.repair.internal.model.FaultCode;

/** Fault codes have a description per language, and staff see the one of theirs (grids, pickers, analytics). */
class FaultCodeNamesTest {
    private static RepairOnTestKit f;

    @BeforeAll
    static void setUp() {
        f = new RepairOnTestKit();
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    @Test
    void theSeededCatalogueHasEnglishAndChineseDescriptions() {
        Map<String, String> zh = f.faultCodes.names(f.admin, Locale.SIMPLIFIED_CHINESE);
        Map<String, String> en = f.faultCodes.names(f.admin, Locale.ENGLISH);
        assertEquals("故障 F01", zh.get("F01"));
        assertEquals("Fault F01", en.get("F01"));
        assertEquals("F01 · 故障 F01", FaultCodeService.shown(zh, "F01"));
        assertEquals("X42", FaultCodeService.shown(zh, "X42"), "a code the catalogue does not know is shown as it is");
    }

    @Test
    void anAdministratorGivesBothDescriptionsAndAnEnglishOnlyCodeFallsBack() {
        FaultCodeData both = f.faultCodes.save(f.admin, new FaultCodeData("F20", "Speaker rattles", "扬声器杂音", true));
        assertEquals("扬声器杂音", both.describe(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Speaker rattles", both.describe(Locale.ENGLISH));
        FaultCodeData englishOnly = f.faultCodes.save(f.admin, new FaultCodeData("F21", "Vibration motor", null, true));
        assertNull(englishOnly.descriptionZh());
        assertEquals("Vibration motor", f.faultCodes.names(f.admin, Locale.SIMPLIFIED_CHINESE).get("F21"));
    }

    @Test
    void aCatalogueFromBeforeTheChineseDescriptionsGetsThemForUnchangedDefaults() {
        f.ctx.jpa().tx(TransactionType.Required, em -> {
            em.find(FaultCode.class, "F02").descriptionZh = null;
            FaultCode renamed = em.find(FaultCode.class, "F03");
            renamed.descriptionZh = null;
            renamed.description = "Battery swells";
        });
        new FaultCodeService(f.ctx); // the module starting again on the upgraded bundle
        Map<String, String> zh = f.faultCodes.names(f.admin, Locale.SIMPLIFIED_CHINESE);
        assertEquals("故障 F02", zh.get("F02"));
        assertEquals("Battery swells", zh.get("F03"), "a code an administrator renamed keeps their words");
    }
}
