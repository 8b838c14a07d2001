package org.opencrm.module.channel.spi;

import java.util.List;
import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the products partners buy come from besides the module's own catalogue: the handset registry's models, when
 * that module is installed (a bridge bundle registers this service). Without one, the module's own catalogue
 * (CF_PRODUCT) is the only source. Codes of a source must not clash with the catalogue's: the source's win.
 */
@ConsumerType
public interface ProductSource {
    /** A product as the price list and order lines name it; {@code serialised}: units are shipped by serial number (IMEI). */
    record Product(String code, String name, boolean serialised) {
    }

    /** Products whose code or name starts with {@code prefix} (all when blank), at most {@code limit}. */
    List<Product> find(String prefix, int limit);

    Optional<Product> product(String code);

    /**
     * The units with these serial numbers (IMEIs) of product {@code code} were shipped to the partner's account: the
     * source records them as held by it. Called inside the shipment's transaction; a refusal (a unit unknown or not
     * in stock) throws a platform exception naming the serial and the shipment is not made.
     */
    void shipped(CrmUser actor, long partnerAccountId, String code, List<String> serials);

    /**
     * {@link #shipped(CrmUser, long, String, List)} with the shipment's number, for the source to keep with what it
     * records (e.g. the handset registry's "shipped to partner" entry). A source that records nothing of it need not
     * implement this. The same units shipped to the same partner again (a retried transaction) must give the same
     * answer and record nothing twice.
     *
     * @since 1.1.0
     */
    default void shipped(CrmUser actor, long partnerAccountId, String code, List<String> serials, String shipmentNumber) {
        shipped(actor, partnerAccountId, code, serials);
    }
}
