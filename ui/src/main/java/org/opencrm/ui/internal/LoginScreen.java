package org.opencrm.ui.internal;

import org.opencrm.platform.api.security.SignInOrigin;
import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.ui.Messages;

import com.vaadin.event.ShortcutAction.KeyCode;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Sign-in with the platform's users (the same store, back-off and audit as REST and the shell). {@code notice}, when
 * not null, says why the user sees this screen again (e.g. their account was changed while they were signed in).
 */
final class LoginScreen extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    LoginScreen(CrmUI ui) {
        this(ui, null);
    }

    LoginScreen(CrmUI ui, String notice) {
        Messages msg = ui.messages();
        setSizeFull();
        addStyleName("crm-login");

        VerticalLayout panel = new VerticalLayout();
        panel.setWidth("360px");
        panel.addStyleName("crm-login-panel");
        Label title = new Label(msg.get("login.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Label noticeLabel = new Label(notice);
        noticeLabel.setId("login-notice");
        noticeLabel.setWidth("100%");
        noticeLabel.addStyleName(ValoTheme.LABEL_FAILURE);
        noticeLabel.setVisible(notice != null);
        TextField username = new TextField(msg.get("login.username"));
        username.setId("login-username");
        username.setWidth("100%");
        username.focus();
        PasswordField password = new PasswordField(msg.get("login.password"));
        password.setId("login-password");
        password.setWidth("100%");
        Label error = new Label();
        error.setId("login-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);
        Button signIn = new Button(msg.get("login.submit"));
        signIn.setId("login-submit");
        signIn.addStyleName(ValoTheme.BUTTON_PRIMARY);
        signIn.setClickShortcut(KeyCode.ENTER);
        signIn.addClickListener(e -> {
            String name = username.getValue().trim();
            if (name.isEmpty() || password.isEmpty()) {
                error.setValue(msg.get("login.missing"));
                error.setVisible(true);
                return;
            }
            VaadinRequest request = VaadinService.getCurrentRequest();
            SignInOrigin origin = new SignInOrigin(SignInOrigin.UI, request == null ? null : request.getRemoteAddr(),
                    request == null ? null : request.getHeader("X-Forwarded-For"));
            SignInResult result = ui.services().users().signIn(name, password.getValue().toCharArray(), origin);
            if (!result.signedIn()) {
                // one message for unknown user, wrong password and disabled user: the form must not reveal which names exist
                error.setValue(switch (result.outcome()) {
                    case THROTTLED -> msg.get("login.throttled", result.retryAfterSeconds());
                    case BUSY -> msg.get("login.busy");
                    default -> msg.get("login.failed");
                });
                error.setVisible(true);
                noticeLabel.setVisible(false);
                password.clear();
                password.focus();
                return;
            }
            ui.signedIn(result);
        });
        panel.addComponents(title, noticeLabel, username, password, error, signIn, new LanguageSwitch(ui));
        addComponent(panel);
        setComponentAlignment(panel, Alignment.MIDDLE_CENTER);
    }
}
