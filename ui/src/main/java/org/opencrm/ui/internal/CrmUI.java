package org.opencrm.ui.internal;

import java.util.Locale;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.opencrm.ui.SupportedLocales;

import com.vaadin.annotations.Theme;
import com.vaadin.annotations.Title;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.UI;
import com.vaadin.ui.UIDetachedException;

/** One browser tab of the web shell: the login screen until a user signs in, then the main screen. */
@Theme("valo")
@Title("OpenCRM")
public class CrmUI extends UI {
    private static final long serialVersionUID = 1L;
    static final String MESSAGES = "org.opencrm.ui.internal.messages";

    private final transient ShellServices services;
    private transient Runnable unsubscribe;
    private MainScreen main;

    public CrmUI(ShellServices services) {
        this.services = services;
    }

    @Override
    protected void init(VaadinRequest request) {
        VaadinSession session = getSession();
        session.setAttribute(CrmSession.CLOCK_ATTRIBUTE, services.clock());
        if (session.getAttribute(LOCALE_CHOSEN) == null) {
            session.setLocale(SupportedLocales.resolve(request.getLocale()));
        }
        setLocale(session.getLocale());
        getPage().getStyles().add(ShellStyles.CSS);
        getPage().setTitle("OpenCRM");
        if (CrmSession.user().isPresent()) {
            showMain();
        } else {
            setContent(new LoginScreen(this));
        }
    }

    private static final String LOCALE_CHOSEN = CrmUI.class.getName() + ".localeChosen";

    ShellServices services() {
        return services;
    }

    Messages messages() {
        return Messages.of(CrmUI.class, MESSAGES, getLocale());
    }

    /** Called by the login screen with an authenticated user. */
    void signedIn(CrmUser user) {
        // a new HTTP session id after login, so a session id learnt before cannot be used (session fixation)
        VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
        getSession().setAttribute(CrmSession.USER_ATTRIBUTE, user);
        getSession().getSession().setMaxInactiveInterval(services.sessionTimeoutMinutes() * 60);
        showMain();
    }

    void signOut() {
        getSession().setAttribute(CrmSession.USER_ATTRIBUTE, null);
        getPage().setLocation(VaadinService.getCurrentRequest().getContextPath() + "/crm/");
        getSession().close();
    }

    void switchLocale(Locale locale) {
        getSession().setAttribute(LOCALE_CHOSEN, Boolean.TRUE);
        getSession().setLocale(SupportedLocales.resolve(locale));
        setLocale(getSession().getLocale());
        if (main != null) {
            String state = getNavigator() == null ? "" : getNavigator().getState();
            showMain();
            getNavigator().navigateTo(state);
        } else {
            setContent(new LoginScreen(this));
        }
    }

    private void showMain() {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        main = new MainScreen(this);
        setContent(main);
        main.start();
        // modules come and go while the session is open: apply each change under the session lock; the browser
        // shows it on its next round trip (no push: websockets are unreliable on Pax Web 8)
        unsubscribe = services.contributions().subscribe(change -> {
            try {
                access(() -> {
                    if (main != null) {
                        main.contributionsChanged(change);
                    }
                });
            } catch (UIDetachedException e) {
                // the tab is gone; detach() unsubscribes
            }
        });
    }

    @Override
    public void detach() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.detach();
    }
}
