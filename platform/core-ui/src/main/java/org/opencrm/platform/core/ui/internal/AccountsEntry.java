package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NavigationEntry.class)
public class AccountsEntry extends CoreEntry.Nav {
    private final AccountService accounts;

    @Activate
    public AccountsEntry(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "accounts";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String permission() {
        return "core.account.read";
    }

    @Override
    public Object createView(UiContext context) {
        return new AccountsView(accounts, context);
    }
}
