package org.opencrm.platform.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one user store of the platform, used by the web UI, the REST API and the Karaf shell. Every entrance signs
 * users in through {@link #signIn}, which applies the back-off after failed sign-ins, writes failures to the log and
 * the audit trail, and answers unknown user names as slowly as known ones.
 */
@ProviderType
public interface UserService {
    /**
     * Checks a user name and password. Cheap for a throttled attempt (nothing is checked) and for a client whose
     * password was verified moments ago (the REST credential cache); otherwise one PBKDF2 run, for unknown users too.
     */
    SignInResult signIn(String username, char[] password, SignInOrigin origin);

    /**
     * Whether a sign-in made with {@code securityStamp} still holds: the user exists, is enabled and has had no
     * change of password, roles or data scope since. Cheap (no database access on most calls): the web UI asks on
     * every round trip.
     */
    boolean isCurrent(String username, long securityStamp);

    /**
     * The user if name and password match an enabled account, else empty.
     *
     * @deprecated use {@link #signIn}, which says where the attempt comes from and why it was refused
     */
    @Deprecated
    default Optional<CrmUser> authenticate(String username, char[] password) {
        return signIn(username, password, SignInOrigin.unknown("api")).signedInUser();
    }

    Optional<CrmUser> find(String username);

    List<UserAccount> list();

    UserAccount create(CrmUser actor, NewUser user);

    /** Assigns roles, data scope and display name; applies at once to REST calls and open UI sessions. */
    UserAccount update(CrmUser actor, String username, UserChange change);

    /** Sets a new password; open UI sessions and remembered REST credentials of the user end at once. */
    void changePassword(CrmUser actor, String username, char[] newPassword);

    /** Enables or disables a user; disabling ends the user's open UI sessions and remembered REST credentials at once. */
    void setEnabled(CrmUser actor, String username, boolean enabled);

    /** Forgets the failed sign-ins of a user name (or of a client address), ending its back-off at once. */
    void clearSignInFailures(CrmUser actor, String usernameOrAddress);

    /** The roles known to the platform and the permissions each grants. */
    java.util.Map<String, Set<String>> roles();
}
