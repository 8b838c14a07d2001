package org.opencrm.ui;

import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.ui.UiContext;

import com.vaadin.server.VaadinSession;
import com.vaadin.ui.UI;

/** The signed-in user and language of the current Vaadin session, and navigation between views and records. */
public final class CrmSession {
    /** VaadinSession attribute holding the {@link CrmUser}; set by the shell at login. */
    public static final String USER_ATTRIBUTE = CrmUser.class.getName();
    /** VaadinSession attribute holding the deployment's {@link BusinessClock}; set by the shell when a session starts. */
    public static final String CLOCK_ATTRIBUTE = BusinessClock.class.getName();

    private CrmSession() {
    }

    public static Optional<CrmUser> user() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((CrmUser) session.getAttribute(USER_ATTRIBUTE));
    }

    /** The current user and locale; throws if nobody is signed in (views are only built for signed-in users). */
    public static UiContext context() {
        CrmUser user = user().orElseThrow(() -> new IllegalStateException("no user signed in"));
        return new UiContext(user, SupportedLocales.resolve(VaadinSession.getCurrent().getLocale()));
    }

    /**
     * The business clock (time zone and "today") of this session's deployment; outside a session, or before the
     * shell has set it, the system clock in the default business zone.
     */
    public static BusinessClock clock() {
        VaadinSession session = VaadinSession.getCurrent();
        BusinessClock clock = session == null ? null : (BusinessClock) session.getAttribute(CLOCK_ATTRIBUTE);
        return clock != null ? clock : BusinessClock.of(java.time.Clock.system(BusinessClock.DEFAULT_ZONE));
    }

    /** Opens a contributed view (its NavigationEntry id) or a record page. */
    public static void navigate(String state) {
        UI.getCurrent().getNavigator().navigateTo(state);
    }

    public static void openContact(long contactId) {
        navigate("contact/" + contactId);
    }

    public static void openAccount(long accountId) {
        navigate("account/" + accountId);
    }
}
