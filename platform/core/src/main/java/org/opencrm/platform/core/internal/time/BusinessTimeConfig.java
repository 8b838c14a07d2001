package org.opencrm.platform.core.internal.time;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.time.cfg: the business time zone of the whole deployment (the core and every module). */
@ObjectClassDefinition(id = BusinessTimeConfig.PID, name = "OpenCRM business time",
        description = "The time zone that decides what 'today' is, where days begin and end, and how times are shown")
public @interface BusinessTimeConfig {
    String PID = "org.opencrm.time";

    @AttributeDefinition(description = "IANA time zone id, e.g. Asia/Shanghai (the default) or Asia/Hong_Kong")
    String timeZone() default "Asia/Shanghai";
}
