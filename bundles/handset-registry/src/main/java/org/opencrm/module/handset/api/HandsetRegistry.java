package org.opencrm.module.handset.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to registered units and the status changes a repair module makes. The caller checks its own
 * permissions (e.g. a repair permission); the registry records {@code actor} in the unit's history and the audit
 * trail. Status changes are atomic: of two concurrent calls for one unit, the second sees the first's result.
 */
@ProviderType
public interface HandsetRegistry {
    /** The unit with this IMEI in either slot; the input is normalised (separators removed) first. */
    Optional<HandsetInfo> findByImei(String imei);

    Optional<HandsetInfo> findBySerialNumber(String serialNumber);

    /**
     * SOLD → IN_REPAIR. The warranty card stays as it is.
     *
     * @throws org.opencrm.platform.api.RecordNotFoundException when no unit has this IMEI
     * @throws org.opencrm.platform.api.ConflictException (code "invalid_status") when the unit is not SOLD
     */
    HandsetInfo markInRepair(CrmUser actor, String imei, String note);

    /** IN_REPAIR → SOLD: the unit went back to its owner. */
    HandsetInfo repairCompleted(CrmUser actor, String imei, String note);

    /**
     * Units sold per model code: customer sales (warranty cards that were not opened by an exchange) with a sale date
     * from {@code from} to {@code to} (both inclusive; null leaves that end open), not counting sales undone by a
     * return. Models without a sale are absent. For repair rates (repairs ÷ units sold).
     *
     * @since 1.1.0
     */
    Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to);

    /**
     * Models of the catalogue whose code or name starts with {@code prefix} (case-insensitive; all when null or blank),
     * codes in order, at most {@code limit}.
     *
     * @since 1.2.0
     */
    List<HandsetModelInfo> models(String prefix, int limit);

    /**
     * The model with this code (case-insensitive), or empty.
     *
     * @since 1.2.0
     */
    Optional<HandsetModelInfo> model(String code);

    /**
     * The units with these IMEIs were shipped to a channel partner's account (sell-in): the registry records the partner
     * as the account that holds each unit (shown on the unit, in its history, and on the partner account's timeline)
     * and returns what it holds for them, in the order given. The units stay {@code IN_STOCK} (channel stock) until
     * sold. The caller checks its own permissions; the registry records {@code actor}. Joins the caller's transaction:
     * a shipment that rolls back leaves nothing here.
     * <p>
     * Idempotent: a unit already recorded as shipped to this partner is left as it is (not recorded twice, no second
     * history entry), so a retried or repeated call gives the same answer.
     *
     * @throws org.opencrm.platform.api.RecordNotFoundException when no unit has one of the IMEIs
     * @throws org.opencrm.platform.api.ConflictException {@code invalid_status} when a unit is not {@code IN_STOCK},
     *         {@code held_by_other} when another partner holds it; nothing is recorded then
     * @since 1.3.0
     */
    List<HandsetChannelShipment> shippedToPartner(CrmUser actor, long partnerAccountId, List<String> imeis, String reference);

    /**
     * The channel partner a unit was shipped to, or empty (never shipped to a partner, or no such unit).
     *
     * @since 1.3.0
     */
    Optional<HandsetChannelShipment> channelShipment(String imei);
}
