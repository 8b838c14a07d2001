package org.opencrm.platform.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.security.cfg */
@ObjectClassDefinition(name = "OpenCRM security", description = "Roles and login settings")
public @interface SecurityConfig {
    @AttributeDefinition(description = "Roles as name=permission,permission... ; a permission may end in * to grant a whole area")
    String[] roles() default {
        "admin=*",
        "manager=core.*,platform.modules.read,platform.users.read",
        "agent=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "partner=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "store=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read,handset.read,handset.sale,membership.read,membership.write,membership.cashier",
        "service=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read,handset.read,repair.read,repair.write",
        "service-hq=core.contact.read,core.account.read,core.activity.*,core.timeline.read,handset.read,repair.*",
        "viewer=*.read"
    };

    @AttributeDefinition(description = "Seconds a verified password is remembered, so each REST call does not pay for PBKDF2")
    int credentialCacheSeconds() default 300;
}
