package org.opencrm.ui.internal;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Users and roles. */
@Component(service = NavigationEntry.class)
public class UsersEntry extends BaseMenuEntry {
    @Activate
    public UsersEntry(@Reference UserService users, @Reference CustomerDirectory customers, @Reference Regions regions) {
        super("admin.users", "admin", 20, "platform.users.read", CrmUI::shellMessages, "menu.admin.users", c -> new UsersView(users, customers, regions, c));
    }
}
