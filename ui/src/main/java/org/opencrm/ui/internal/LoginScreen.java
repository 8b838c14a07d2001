package org.opencrm.ui.internal;

import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.ui.Messages;

import com.vaadin.event.ShortcutAction.KeyCode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** Sign-in with the platform's users (the same store as REST and the shell). */
final class LoginScreen extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    LoginScreen(CrmUI ui) {
        Messages msg = ui.messages();
        setSizeFull();
        addStyleName("crm-login");

        VerticalLayout panel = new VerticalLayout();
        panel.setWidth("360px");
        panel.addStyleName("crm-login-panel");
        Label title = new Label(msg.get("login.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
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
            Optional<CrmUser> user = ui.services().users().authenticate(name, password.getValue().toCharArray());
            if (user.isEmpty()) {
                // one message for unknown user and wrong password: the form must not reveal which names exist
                error.setValue(msg.get("login.failed"));
                error.setVisible(true);
                password.clear();
                password.focus();
                return;
            }
            ui.signedIn(user.get());
        });
        panel.addComponents(title, username, password, error, signIn, new LanguageSwitch(ui));
        addComponent(panel);
        setComponentAlignment(panel, Alignment.MIDDLE_CENTER);
    }
}
