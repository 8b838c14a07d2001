package org.opencrm.platform.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.SignInOrigin;
import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.platform.api.security.UserService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * JAAS login for the Karaf shell (ssh, bin/client) against the CRM's user store, so operators use the same
 * accounts as the UI and the REST API. CRM administrators get Karaf's admin roles; other users get no shell.
 * JAAS instantiates this class itself, so it looks the UserService up per login instead of being injected. The
 * ssh server puts the client's address into the subject ({@link ClientPrincipal}): the same back-off after failed
 * sign-ins applies as on the REST API and the web UI, per user name and per address.
 */
public class ShellLoginModule implements LoginModule {
    static final Set<String> KARAF_ADMIN_ROLES = Set.of("admin", "manager", "viewer", "systembundles", "ssh");
    private Subject subject;
    private CallbackHandler callbacks;
    private final Set<Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read credentials: " + e);
        }
        char[] pw = password.getPassword() == null ? new char[0] : password.getPassword();
        BundleContext ctx = FrameworkUtil.getBundle(ShellLoginModule.class).getBundleContext();
        ServiceReference<UserService> ref = ctx == null ? null : ctx.getServiceReference(UserService.class);
        if (ref == null) {
            throw new LoginException("the CRM user store is not available");
        }
        UserService users = ctx.getService(ref);
        try {
            if (users == null) {
                throw new LoginException("the CRM user store is not available");
            }
            SignInResult result = users.signIn(name.getName(), pw, new SignInOrigin(channel(), clientAddress(), null));
            if (result.outcome() == SignInResult.Outcome.THROTTLED || result.outcome() == SignInResult.Outcome.BUSY) {
                throw new FailedLoginException("too many failed sign-ins; try again in " + result.retryAfterSeconds() + " s");
            }
            Optional<CrmUser> user = result.signedInUser();
            if (user.isEmpty()) {
                throw new FailedLoginException("wrong user name or password");
            }
            principals.add(new UserPrincipal(user.get().username()));
            if (user.get().isAdmin()) {
                KARAF_ADMIN_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
            }
            user.get().roles().forEach(r -> principals.add(new RolePrincipal("crm-" + r)));
            return true;
        } finally {
            ctx.ungetService(ref);
        }
    }

    /** "ssh" for the ssh server; the method Karaf names (e.g. "ssh") when it says, else "shell". */
    private String channel() {
        ClientPrincipal client = client();
        return client != null && client.getMethod() != null && !client.getMethod().isBlank() ? client.getMethod() : "shell";
    }

    private String clientAddress() {
        ClientPrincipal client = client();
        return client == null ? null : client.getAddress();
    }

    private ClientPrincipal client() {
        if (subject == null) {
            return null;
        }
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof ClientPrincipal c) {
                return c;
            }
        }
        return null;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
