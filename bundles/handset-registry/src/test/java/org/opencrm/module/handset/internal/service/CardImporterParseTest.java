package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.platform.api.InvalidInputException;

class CardImporterParseTest {
    @Test
    void accessoriesColumn() {
        List<AccessoryData> a = CardImporter.accessories("battery:B-1; CHARGER:C-9|WIRED_HEADSET");
        assertEquals(3, a.size());
        assertEquals(AccessoryType.BATTERY, a.get(0).type());
        assertEquals("B-1", a.get(0).code());
        assertEquals("C-9", a.get(1).code());
        assertNull(a.get(2).code());
        assertEquals(List.of(), CardImporter.accessories(""));
        assertEquals("accessories", assertThrows(InvalidInputException.class, () -> CardImporter.accessories("SCREEN:1")).field());
        assertEquals("accessories", assertThrows(InvalidInputException.class, () -> CardImporter.accessories("BATTERY:1;BATTERY:2")).field());
    }
}
