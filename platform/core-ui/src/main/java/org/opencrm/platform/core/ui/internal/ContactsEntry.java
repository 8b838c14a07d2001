package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.core.internal.service.ContactImports;
import org.opencrm.platform.core.internal.service.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NavigationEntry.class)
public class ContactsEntry extends BaseMenuEntry {
    private final ContactService contacts;
    private final CustomerDirectory customers;
    private final ContactImports imports;
    private final ImportLimits limits;

    @Activate
    public ContactsEntry(@Reference ContactService contacts, @Reference ContactImports imports, @Reference ImportLimits limits,
            @Reference CustomerDirectory customers, @Reference org.opencrm.platform.api.address.AdministrativeDivisions divisions) {
        super("contacts", "customers", 10, "core.contact.read", CoreUi::messages, "menu.contacts");
        this.contacts = contacts;
        this.customers = customers;
        this.imports = imports;
        this.limits = limits;
        this.divisions = divisions;
    }

    private final org.opencrm.platform.api.address.AdministrativeDivisions divisions;

    @Override
    public Object createView(UiContext context) {
        return new ContactsView(contacts, customers, imports, limits, context, divisions);
    }
}
