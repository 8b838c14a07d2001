package org.opencrm.ui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.opencrm.ui", name = "OpenCRM web UI")
public @interface UiConfig {
    @AttributeDefinition(description = "Minutes without user activity after which a session ends and the user signs in again")
    int sessionTimeoutMinutes() default 30;
}
