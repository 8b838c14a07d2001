package org.opencrm.module.repair.handset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetModelInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.NoWarrantyReason;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.api.WarrantyService;
import org.opencrm.module.repair.spi.DeviceRegistry;
import org.opencrm.platform.api.security.CrmUser;

/** The bridge to the handset registry's API translates units, verdicts and status moves into the module's own types. */
class HandsetDevicesTest {
    private static final String IMEI = "860000000000001";
    private final List<String> calls = new ArrayList<>();

    private final HandsetRegistry registry = new HandsetRegistry() {
        private HandsetInfo unit(HandsetStatus status) {
            return new HandsetInfo(1, IMEI, null, "SN1", "NOVA-5", "Nova 5", status, 7L, 9L, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31));
        }

        @Override
        public Optional<HandsetInfo> findByImei(String imei) {
            return IMEI.equals(imei) ? Optional.of(unit(HandsetStatus.SOLD)) : Optional.empty();
        }

        @Override
        public Optional<HandsetInfo> findBySerialNumber(String serialNumber) {
            return "SN1".equals(serialNumber) ? Optional.of(unit(HandsetStatus.SOLD)) : Optional.empty();
        }

        @Override
        public HandsetInfo markInRepair(CrmUser actor, String imei, String note) {
            calls.add("in-repair " + imei + " " + note);
            return unit(HandsetStatus.IN_REPAIR);
        }

        @Override
        public HandsetInfo repairCompleted(CrmUser actor, String imei, String note) {
            calls.add("completed " + imei);
            return unit(HandsetStatus.SOLD);
        }

        @Override
        public Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to) {
            return Map.of("NOVA-5", 42L);
        }

        @Override
        public List<HandsetModelInfo> models(String prefix, int limit) {
            return List.of(new HandsetModelInfo("NOVA-5", "Nova 5"));
        }

        @Override
        public Optional<HandsetModelInfo> model(String code) {
            return Optional.of(new HandsetModelInfo("NOVA-5", "Nova 5"));
        }

        @Override
        public List<org.opencrm.module.handset.api.HandsetChannelShipment> shippedToPartner(CrmUser actor, long partnerAccountId, List<String> imeis,
                String reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<org.opencrm.module.handset.api.HandsetChannelShipment> channelShipment(String imei) {
            return Optional.empty();
        }
    };

    private final WarrantyService warranty = (imei, date, accessory) -> {
        boolean in = date.isBefore(LocalDate.of(2026, 1, 1));
        return new WarrantyCheck(imei, date, accessory, in, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), in ? null : NoWarrantyReason.EXPIRED,
                HandsetStatus.SOLD, "NOVA-5");
    };

    @Test
    void translatesTheRegistry() {
        DeviceRegistry devices = new HandsetDevices(registry, warranty);
        DeviceRegistry.Device d = devices.find(null, "SN1").orElseThrow();
        assertEquals(IMEI, d.imei());
        assertEquals("SOLD", d.status());
        assertEquals(7L, d.ownerContactId());
        assertTrue(devices.find("860000000000019", null).isEmpty());
        assertTrue(devices.warranty(IMEI, LocalDate.of(2025, 6, 1)).inWarranty());
        DeviceRegistry.Warranty expired = devices.warranty(IMEI, LocalDate.of(2026, 2, 1));
        assertFalse(expired.inWarranty());
        assertEquals("EXPIRED", expired.reason());
        devices.markInRepair(CrmUser.SYSTEM, IMEI, "RO1");
        devices.repairCompleted(CrmUser.SYSTEM, IMEI, "RO1");
        assertEquals(List.of("in-repair " + IMEI + " RO1", "completed " + IMEI), calls);
        assertEquals(42L, devices.unitsSoldByModel(null, null).get("NOVA-5"));
    }
}
