package org.opencrm.ui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.opencrm.ui", name = "OpenCRM web UI")
public @interface UiConfig {
    @AttributeDefinition(description = "Minutes without user activity after which a session ends and the user signs in again")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(description = "The Content-Security-Policy of the web UI. The default is the tightest Vaadin 8 runs under; "
            + "widen it only for what a deployment adds (e.g. a theme's fonts from another host)")
    String contentSecurityPolicy() default UiSecurityHeaders.DEFAULT_POLICY;
}
