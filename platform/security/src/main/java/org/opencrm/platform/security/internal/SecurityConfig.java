package org.opencrm.platform.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.security.cfg; every change applies at once. */
@ObjectClassDefinition(name = "OpenCRM security", description = "Roles, password hashing, sign-in back-off")
public @interface SecurityConfig {
    /**
     * The platform's roles name no module: each module adds its own permissions to them while it is active
     * ({@code PermissionSet.defaultGrants()}, e.g. store gets handset.read and handset.sale). Set {@code roles} in
     * etc/org.opencrm.security.cfg to define the roles exactly yourself (module grants are then not added).
     */
    @AttributeDefinition(description = "Roles as name=permission,permission... ; a permission may end in * to grant a whole area. "
            + "Unset: the built-in roles plus the default grants of every active module; set: exactly these roles")
    String[] roles() default {
        "admin=*",
        "manager=core.*,platform.modules.read,platform.users.read",
        "agent=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "partner=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "store=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read",
        "service=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read",
        "service-hq=core.contact.read,core.account.read,core.activity.*,core.timeline.read",
        "viewer=*.read"
    };

    @AttributeDefinition(description = "Seconds a verified password is remembered, so each REST call does not pay for PBKDF2. "
            + "A remembered password stops counting at once when the user is disabled or the password, roles or data scope change.")
    int credentialCacheSeconds() default 300;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes (at least 600000, OWASP); "
            + "hashes made with fewer are replaced at the user's next successful sign-in")
    int passwordIterations() default PasswordHasher.RECOMMENDED_ITERATIONS;

    @AttributeDefinition(description = "Milliseconds after which this node reads a user's security stamp from the database again: "
            + "how long a change made on another node (disable, password, roles, scope) takes to end sessions here. "
            + "Changes made on this node apply at once. 0: read on every request")
    int stampRecheckMillis() default 1000;

    @AttributeDefinition(description = "Failed sign-ins of one user name after which it is locked (every entrance: REST, web UI, ssh)")
    int signInFailuresBeforeLock() default 5;

    @AttributeDefinition(description = "Failed sign-ins from one client address (for any user names) after which the address is locked")
    int signInAddressFailuresBeforeLock() default 30;

    @AttributeDefinition(description = "Seconds of the first lock; each further failure doubles it")
    int signInLockSeconds() default 5;

    @AttributeDefinition(description = "The longest lock, in seconds")
    int signInMaxLockSeconds() default 900;

    @AttributeDefinition(description = "Minutes without failures after which the failures of a user name or address are forgotten")
    int signInForgetMinutes() default 30;

    @AttributeDefinition(description = "Passwords checked at the same time (PBKDF2 runs); 0: half the processors, at least 1. "
            + "Further attempts wait their turn, so failed sign-ins cannot take every processor from signed-in users")
    int signInConcurrentChecks() default 0;

    @AttributeDefinition(description = "Seconds an attempt waits for its turn before it is answered 'busy' (REST 503 with Retry-After)")
    int signInQueueSeconds() default 5;

    @AttributeDefinition(description = "Addresses of reverse proxies whose X-Forwarded-For header names the client (IP literals, "
            + "comma-separated). Empty: the header is ignored and the connection's peer is the client")
    String[] trustedProxies() default {};
}
