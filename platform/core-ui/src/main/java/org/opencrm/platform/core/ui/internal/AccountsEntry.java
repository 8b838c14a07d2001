package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NavigationEntry.class)
public class AccountsEntry extends BaseMenuEntry {
    private final AccountService accounts;
    private final CustomerDirectory customers;
    private final Regions regions;
    private final AdministrativeDivisions divisions;

    @Activate
    public AccountsEntry(@Reference AccountService accounts, @Reference CustomerDirectory customers, @Reference Regions regions,
            @Reference AdministrativeDivisions divisions) {
        super("accounts", "customers", 20, "core.account.read", CoreUi::messages, "menu.accounts");
        this.accounts = accounts;
        this.customers = customers;
        this.regions = regions;
        this.divisions = divisions;
    }

    @Override
    public Object createView(UiContext context) {
        return new AccountsView(accounts, customers, regions, divisions, context);
    }
}
