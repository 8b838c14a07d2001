package org.opencrm.module.channel.handset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opencrm.module.channel.spi.ProductSource;
import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetModelInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Channel finance's {@link ProductSource} over the handset registry's model catalogue: every model is a product
 * partners can buy (shipped by IMEI). This bundle exists only while both modules are enabled (the crm-channel-finance
 * feature installs it on the condition crm-handset-registry, and Karaf removes it with either), so it is resolved
 * against the registry bundle that is there. Prices and order lines keep the code and name they were given, so orders
 * stay intact when the registry goes away.
 *
 * <p>Shipping: every IMEI must be a registered unit of the ordered model that is still {@code IN_STOCK}; anything
 * else refuses the shipment (400 naming the serial and the models by their names). The units are then recorded in the
 * registry as shipped to the partner (API 1.3 {@code shippedToPartner}), so the registry shows which partner holds each
 * IMEI; channel finance keeps its own CF_SHIPPED_UNIT as well.
 */
@Component(service = ProductSource.class)
public class HandsetProducts implements ProductSource {
    private final HandsetRegistry registry;

    @Activate
    public HandsetProducts(@Reference HandsetRegistry registry) {
        this.registry = registry;
    }

    private static Product product(HandsetModelInfo m) {
        return new Product(m.code(), m.name(), true);
    }

    @Override
    public List<Product> find(String prefix, int limit) {
        return registry.models(prefix, limit).stream().map(HandsetProducts::product).toList();
    }

    @Override
    public Optional<Product> product(String code) {
        return code == null || code.isBlank() ? Optional.empty() : registry.model(code).map(HandsetProducts::product);
    }

    @Override
    public void shipped(CrmUser actor, long partnerAccountId, String code, List<String> serials) {
        shipped(actor, partnerAccountId, code, serials, null);
    }

    /**
     * Checks every unit, then records them in the registry as shipped to the partner (its "held by" fact, history and
     * the partner's timeline), with the shipment's number. In the shipment's transaction: a refused or rolled-back
     * shipment records nothing there either; a retried one records each unit once (the registry's call is idempotent).
     */
    @Override
    public void shipped(CrmUser actor, long partnerAccountId, String code, List<String> serials, String shipmentNumber) {
        String ordered = code.strip().toUpperCase(Locale.ROOT);
        List<String> imeis = new java.util.ArrayList<>();
        for (String serial : serials) {
            Optional<HandsetInfo> unit = registry.findByImei(serial);
            // models are named as staff know them (the registry's display name), not by their codes
            if (unit.isEmpty()) {
                String orderedName = modelName(ordered);
                throw new InvalidInputException("serials", "IMEI " + serial + " is not a registered unit of " + orderedName, "channel.handset.unknown",
                        serial, orderedName);
            }
            HandsetInfo h = unit.get();
            if (h.modelCode() == null || !h.modelCode().equalsIgnoreCase(ordered)) {
                String actual = h.modelName() != null ? h.modelName() : h.modelCode() == null ? "?" : modelName(h.modelCode());
                String orderedName = modelName(ordered);
                throw new InvalidInputException("serials", "IMEI " + serial + " is a unit of " + actual + ", not " + orderedName,
                        "channel.handset.otherModel", serial, actual, orderedName);
            }
            if (h.status() != HandsetStatus.IN_STOCK) {
                throw new InvalidInputException("serials", "IMEI " + serial + " is " + h.status() + ", not in stock", "channel.handset.notInStock", serial,
                        "handsetStatus." + h.status().name());
            }
            imeis.add(h.imei());
        }
        if (!imeis.isEmpty()) {
            registry.shippedToPartner(actor, partnerAccountId, imeis, shipmentNumber);
        }
    }

    /** The model's display name in the registry's catalogue, its code when the catalogue has no such model. */
    String modelName(String code) {
        return registry.model(code).map(HandsetModelInfo::name).filter(n -> !n.isBlank()).orElse(code);
    }
}
