package org.opencrm.module.channel.handset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.spi.ProductSource;
import org.opencrm.module.handset.api.HandsetChannelShipment;
import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetModelInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.security.CrmUser;

/** The bridge turns the registry's models into serialised products and refuses units that cannot be shipped. */
class HandsetProductsTest {
    private static final List<HandsetModelInfo> MODELS = List.of(new HandsetModelInfo("NOVA-5", "华星 Nova 5"), new HandsetModelInfo("NOVA-6", "华星 Nova 6"));

    private final HandsetRegistry registry = new HandsetRegistry() {
        @Override
        public Optional<HandsetInfo> findByImei(String imei) {
            HandsetStatus status = switch (imei) {
                case "860000000000001" -> HandsetStatus.IN_STOCK;
                case "860000000000002" -> HandsetStatus.SOLD;
                default -> null;
            };
            return status == null ? Optional.empty()
                    : Optional.of(new HandsetInfo(1, imei, null, "SN" + imei, "NOVA-5", "华星 Nova 5", status, null, null, null, null, null));
        }

        @Override
        public Optional<HandsetInfo> findBySerialNumber(String serialNumber) {
            return Optional.empty();
        }

        @Override
        public HandsetInfo markInRepair(CrmUser actor, String imei, String note) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HandsetInfo repairCompleted(CrmUser actor, String imei, String note) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to) {
            return Map.of();
        }

        @Override
        public List<HandsetModelInfo> models(String prefix, int limit) {
            return MODELS.stream().filter(m -> prefix == null || m.code().startsWith(prefix.toUpperCase())).limit(limit).toList();
        }

        @Override
        public Optional<HandsetModelInfo> model(String code) {
            return MODELS.stream().filter(m -> m.code().equalsIgnoreCase(code)).findFirst();
        }

        @Override
        public List<HandsetChannelShipment> shippedToPartner(CrmUser actor, long partnerAccountId, List<String> imeis, String reference) {
            recorded.add(partnerAccountId + " " + imeis + " " + reference);
            return imeis.stream().map(i -> new HandsetChannelShipment(i, "NOVA-5", partnerAccountId, Instant.EPOCH, reference)).toList();
        }

        @Override
        public Optional<HandsetChannelShipment> channelShipment(String imei) {
            return Optional.empty();
        }
    };
    /** What the bridge recorded in the registry: "partner [imeis] reference" per call. */
    private final List<String> recorded = new ArrayList<>();

    private final ProductSource source = new HandsetProducts(registry);

    @Test
    void modelsAreSerialisedProducts() {
        assertEquals(List.of(new ProductSource.Product("NOVA-5", "华星 Nova 5", true)), source.find("nova", 1));
        assertEquals(2, source.find(null, 10).size());
        assertEquals("NOVA-6", source.product("nova-6").orElseThrow().code());
        assertTrue(source.product("X1").isEmpty());
        assertTrue(source.product(" ").isEmpty());
    }

    @Test
    void onlyRegisteredUnitsOfTheModelInStockShip() {
        assertDoesNotThrow(() -> source.shipped(null, 7, "NOVA-5", List.of("860000000000001")));
        assertEquals(List.of("7 [860000000000001] null"), recorded, "recorded in the registry as shipped to the partner");
        recorded.clear();
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> source.shipped(null, 7, "nova-5", List.of("860000000000009")));
        assertEquals("channel.handset.unknown", unknown.messageKey());
        // the models are named by their display names, not their codes
        assertEquals(List.of("860000000000009", "华星 Nova 5"), List.of(unknown.messageArgs()));
        InvalidInputException other = assertThrows(InvalidInputException.class, () -> source.shipped(null, 7, "NOVA-6", List.of("860000000000001")));
        assertEquals("channel.handset.otherModel", other.messageKey());
        assertEquals(List.of("860000000000001", "华星 Nova 5", "华星 Nova 6"), List.of(other.messageArgs()));
        // a code the catalogue does not know is named by its code
        assertEquals(List.of("860000000000009", "X1"),
                List.of(assertThrows(InvalidInputException.class, () -> source.shipped(null, 7, "X1", List.of("860000000000009"))).messageArgs()));
        assertEquals("channel.handset.notInStock",
                assertThrows(InvalidInputException.class, () -> source.shipped(null, 7, "NOVA-5", List.of("860000000000002"))).messageKey());
    }

    /** Shipped units are recorded in the registry as held by the partner, with the shipment number; a refused shipment records nothing. */
    @Test
    void shippedUnitsAreRecordedInTheRegistryAsHeldByThePartner() {
        source.shipped(null, 7, "NOVA-5", List.of("860000000000001"), "SH-000042");
        assertEquals(List.of("7 [860000000000001] SH-000042"), recorded);
        recorded.clear();
        // one unit of the shipment cannot go: nothing of it is recorded in the registry
        assertThrows(InvalidInputException.class, () -> source.shipped(null, 7, "NOVA-5", List.of("860000000000001", "860000000000002"), "SH-000043"));
        assertTrue(recorded.isEmpty(), recorded.toString());
    }
}
