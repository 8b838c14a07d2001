package org.opencrm.platform.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The one user store of the platform, used by the web UI, the REST API and the Karaf shell. */
public interface UserService {
    /** The user if name and password match an enabled account, else empty. */
    Optional<CrmUser> authenticate(String username, char[] password);

    Optional<CrmUser> find(String username);

    List<UserAccount> list();

    UserAccount create(CrmUser actor, NewUser user);

    /** Assigns roles, data scope and display name; applies to the next REST request and the next web UI sign-in. */
    UserAccount update(CrmUser actor, String username, UserChange change);

    void changePassword(CrmUser actor, String username, char[] newPassword);

    void setEnabled(CrmUser actor, String username, boolean enabled);

    /** The roles known to the platform and the permissions each grants. */
    java.util.Map<String, Set<String>> roles();
}
