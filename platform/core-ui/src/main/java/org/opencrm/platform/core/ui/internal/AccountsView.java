package org.opencrm.platform.core.ui.internal;

import java.util.stream.Stream;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordLinks;

import com.vaadin.data.provider.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.data.provider.HierarchicalQuery;
import com.vaadin.ui.Label;
import com.vaadin.ui.TreeGrid;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Accounts as a tree (distributor → sub-distributor → store), children loaded when a node opens; the top is what
 * the user's data scope allows. Double-click opens the account page.
 */
final class AccountsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    AccountsView(AccountService accounts, CustomerDirectory customers, Regions regions, AdministrativeDivisions divisions, UiContext context) {
        Messages msg = CoreUi.messages(context.locale());
        setMargin(false);
        setId("accounts-view");
        Label title = new Label(msg.get("menu.accounts"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TreeGrid<AccountData> tree = new TreeGrid<>();
        tree.setId("accounts-tree");
        tree.setWidth("100%");
        tree.setDataProvider(new AbstractBackEndHierarchicalDataProvider<AccountData, Void>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected Stream<AccountData> fetchChildrenFromBackEnd(HierarchicalQuery<AccountData, Void> q) {
                PageRequest page = new PageRequest(null, q.getOffset(), Math.min(PageRequest.MAX_LIMIT, q.getLimit()));
                return q.getParentOptional().map(p -> accounts.children(context.user(), p.id(), page)).orElseGet(() -> accounts.roots(context.user(), page))
                        .items().stream();
            }

            @Override
            public int getChildCount(HierarchicalQuery<AccountData, Void> q) {
                PageRequest one = new PageRequest(null, 0, 1);
                return (int) q.getParentOptional().map(p -> accounts.children(context.user(), p.id(), one)).orElseGet(() -> accounts.roots(context.user(), one))
                        .total();
            }

            @Override
            public boolean hasChildren(AccountData item) {
                return accounts.children(context.user(), item.id(), new PageRequest(null, 0, 1)).total() > 0;
            }
        });
        tree.addColumn(AccountData::name).setCaption(msg.get("account.name")).setId("name");
        tree.setHierarchyColumn("name");
        tree.addColumn(a -> msg.label("accountType", a.type())).setCaption(msg.get("account.type"));
        tree.addColumn(a -> regions.name(a.region(), context.locale())).setCaption(msg.get("account.region"));
        tree.addColumn(a -> (a.province() == null ? "" : a.province()) + " " + (a.city() == null ? "" : a.city())).setCaption(msg.get("contact.location"));
        RecordLinks.column(tree, a -> msg.get("account.open"), a -> "account/" + a.id(), "account-link", AccountData::id).setCaption("").setWidth(110);
        com.vaadin.ui.Button create = new com.vaadin.ui.Button(msg.get("account.new"),
                e -> AccountForm.open(accounts, customers, regions, divisions, context, null, null, saved -> CrmSession.openAccount(saved.id())));
        create.setId("accounts-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission(AccountService.WRITE));
        addComponents(title, new Label(msg.get("accounts.help")), create, tree);
    }
}
