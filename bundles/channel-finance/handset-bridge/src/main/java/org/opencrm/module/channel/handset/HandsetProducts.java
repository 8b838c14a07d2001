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
 * else refuses the shipment (400 naming the serial). The registry's API has no "held by an account" operation yet, so
 * the holding partner is recorded by channel finance itself (CF_SHIPPED_UNIT).
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
        for (String serial : serials) {
            Optional<HandsetInfo> unit = registry.findByImei(serial);
            if (unit.isEmpty()) {
                throw new InvalidInputException("serials", "IMEI " + serial + " is not a registered unit", "channel.handset.unknown", serial);
            }
            HandsetInfo h = unit.get();
            if (h.modelCode() == null || !h.modelCode().equalsIgnoreCase(code.strip().toUpperCase(Locale.ROOT))) {
                throw new InvalidInputException("serials", "IMEI " + serial + " is a unit of " + h.modelCode() + ", not " + code, "channel.handset.otherModel",
                        serial, h.modelCode(), code);
            }
            if (h.status() != HandsetStatus.IN_STOCK) {
                throw new InvalidInputException("serials", "IMEI " + serial + " is " + h.status() + ", not in stock", "channel.handset.notInStock", serial,
                        "handsetStatus." + h.status().name());
            }
        }
    }
}
