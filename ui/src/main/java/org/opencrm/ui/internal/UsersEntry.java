package org.opencrm.ui.internal;

import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Users and roles. */
@Component(service = NavigationEntry.class)
public class UsersEntry extends ShellEntry {
    private final UserService users;

    @Activate
    public UsersEntry(@Reference UserService users) {
        this.users = users;
    }

    @Override
    public String id() {
        return "admin.users";
    }

    @Override
    public String group() {
        return "admin";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String permission() {
        return "platform.users.read";
    }

    @Override
    public Object createView(UiContext context) {
        return new UsersView(users, context);
    }
}
