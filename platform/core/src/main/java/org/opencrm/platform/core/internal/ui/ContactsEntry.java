package org.opencrm.platform.core.internal.ui;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NavigationEntry.class)
public class ContactsEntry extends CoreEntry.Nav {
    private final ContactService contacts;

    @Activate
    public ContactsEntry(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String id() {
        return "contacts";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String permission() {
        return "core.contact.read";
    }

    @Override
    public Object createView(UiContext context) {
        return new ContactsView(contacts, context);
    }
}
