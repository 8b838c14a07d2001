package org.opencrm.ui.internal;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.ui.CrmSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.server.RequestHandler;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinResponse;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.UI;

/**
 * Runs first on every request of a session (each round trip, heartbeat, upload, page load): if the signed-in user
 * was disabled, or their password, roles or data scope changed since the sign-in (on any path: UI, REST, the
 * {@code crm:users} shell command, another node), the session is signed out before the request does anything, and
 * every open tab shows the sign-in screen saying why. The check compares the security stamp remembered at sign-in
 * with the user store's ({@link UserService#isCurrent}, no database access on most requests).
 */
final class SignInCheck implements RequestHandler {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SignInCheck.class);
    private final transient UserService users;

    SignInCheck(UserService users) {
        this.users = users;
    }

    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        if (session == null) {
            return false;
        }
        session.lock();
        try {
            CrmUser user = (CrmUser) session.getAttribute(CrmSession.USER_ATTRIBUTE);
            if (user == null) {
                return false;
            }
            Object stamp = session.getAttribute(CrmUI.STAMP_ATTRIBUTE);
            if (stamp instanceof Long s && users.isCurrent(user.username(), s)) {
                return false;
            }
            LOG.info("Signed out a web UI session of '{}': the account was disabled or its password, roles or data scope changed", user.username());
            session.setAttribute(CrmSession.USER_ATTRIBUTE, null);
            session.setAttribute(CrmUI.STAMP_ATTRIBUTE, null);
            for (UI ui : session.getUIs()) {
                if (ui instanceof CrmUI crm) {
                    crm.signedOutBecauseAccountChanged();
                }
            }
        } finally {
            session.unlock();
        }
        // the request goes on: its clicks address components that are gone (Vaadin ignores them and sends the
        // sign-in screen instead)
        return false;
    }
}
