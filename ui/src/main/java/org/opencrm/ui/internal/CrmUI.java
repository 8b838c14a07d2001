package org.opencrm.ui.internal;

import java.util.Locale;

import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.opencrm.ui.SupportedLocales;

import com.vaadin.annotations.Theme;
import com.vaadin.annotations.Title;
import com.vaadin.annotations.Viewport;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.server.VaadinServletRequest;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.UI;
import com.vaadin.ui.UIDetachedException;

/** One browser tab of the web shell: the login screen until a user signs in, then the main screen. */
@Theme("valo")
@Title("OpenCRM")
// phones lay the page out at their own width (without it they render 980 px wide, scaled to about 40 %)
@Viewport("width=device-width, initial-scale=1")
public class CrmUI extends UI {
    private static final long serialVersionUID = 1L;
    static final String MESSAGES = "org.opencrm.ui.internal.messages";
    /** VaadinSession attribute: the signed-in user's security stamp at sign-in (see UserService.isCurrent). */
    static final String STAMP_ATTRIBUTE = CrmUI.class.getName() + ".securityStamp";

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
        return shellMessages(getLocale());
    }

    /** The shell's own strings; its menu entries' labels are "menu.<id>" in them. */
    static Messages shellMessages(java.util.Locale locale) {
        return Messages.of(CrmUI.class, MESSAGES, locale);
    }

    /** Called by the login screen with a successful sign-in. */
    void signedIn(SignInResult signIn) {
        // a new session id at sign-in, so that an id planted or learnt before is worth nothing (session fixation).
        // Vaadin's reinitializeSession does not do it on Jetty 9.4: a new session made in the same request gets the
        // id the request came with. The servlet container's own changeSessionId keeps the session and its
        // attributes and sends the new id in this response.
        if (VaadinService.getCurrentRequest() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
        getSession().setAttribute(CrmSession.USER_ATTRIBUTE, signIn.user());
        getSession().setAttribute(STAMP_ATTRIBUTE, signIn.securityStamp());
        getSession().getSession().setMaxInactiveInterval(services.sessionTimeoutMinutes() * 60);
        showMain();
    }

    /**
     * The signed-in user was disabled, or their password, roles or data scope changed (SignInCheck found out at the
     * start of this request): back to the sign-in screen, saying why. Called with the session locked; the user
     * attribute is already cleared.
     */
    void signedOutBecauseAccountChanged() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        main = null;
        if (getNavigator() != null) {
            getNavigator().destroy();
            setNavigator(null);
        }
        for (com.vaadin.ui.Window w : java.util.List.copyOf(getWindows())) {
            removeWindow(w);
        }
        setContent(new LoginScreen(this, messages().get("login.accountChanged")));
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

    /** Below this browser width a dialog takes the whole screen (phones, store PDAs). */
    static final int PHONE_WIDTH = 600;

    /**
     * Every dialog of the shell and of the modules fits the screen: one wider than the browser is made as wide as the
     * browser, and on a phone it fills the screen and scrolls inside (its buttons stay reachable).
     */
    @Override
    public void addWindow(com.vaadin.ui.Window window) {
        int browserWidth = getPage().getBrowserWindowWidth();
        if (browserWidth > 0 && browserWidth < PHONE_WIDTH) {
            window.setWidth("100%");
            window.setHeight("100%");
            window.setDraggable(false);
            window.setResizable(false);
        } else if (browserWidth > 0 && window.getWidthUnits() == com.vaadin.server.Sizeable.Unit.PIXELS && window.getWidth() > browserWidth - 16) {
            window.setWidth("100%");
        }
        super.addWindow(window);
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
