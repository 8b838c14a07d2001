package org.opencrm.platform.modules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CRM module management", description = "How modules are enabled and disabled at runtime")
public @interface ModulesConfig {
    @AttributeDefinition(name = "Start timeout (s)", description = "How long enabling waits for a module to come up before reporting it FAILED")
    int startTimeoutSeconds() default 60;
}
