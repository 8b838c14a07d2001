package org.opencrm.platform.api.activity;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: activity types a module adds to the core's CALL, VISIT, EMAIL, SMS, TASK and NOTE
 * (e.g. "REPAIR_FOLLOW_UP"). Codes are upper-case; labels live in the module's resource bundles.
 */
@ConsumerType
public interface ActivityTypeSet {
    String moduleId();

    List<String> activityTypes();
}
