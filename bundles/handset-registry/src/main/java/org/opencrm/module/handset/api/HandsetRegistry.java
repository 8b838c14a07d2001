package org.opencrm.module.handset.api;

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
}
