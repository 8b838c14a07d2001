package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** An account's details, its parent, and its contacts (lazy). */
@Component(service = RecordTab.class)
public class AccountDetailsTab extends BaseRecordTab {
    private final AccountService accounts;
    private final ContactService contacts;
    private final CustomerDirectory customers;
    private final Regions regions;
    private final AdministrativeDivisions divisions;

    @Activate
    public AccountDetailsTab(@Reference AccountService accounts, @Reference ContactService contacts, @Reference CustomerDirectory customers,
            @Reference Regions regions, @Reference AdministrativeDivisions divisions) {
        super("account.details", Record.ACCOUNT, 0, null, CoreUi::messages, "tab.account.details");
        this.accounts = accounts;
        this.contacts = contacts;
        this.customers = customers;
        this.regions = regions;
        this.divisions = divisions;
    }

    @Override
    public Object createTab(UiContext context, long accountId) {
        Messages msg = CoreUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        show(layout, context, msg, accounts.get(context.user(), accountId));
        return layout;
    }

    private void show(VerticalLayout layout, UiContext context, Messages msg, AccountData a) {
        long accountId = a.id();
        layout.removeAllComponents();
        HorizontalLayout actions = new HorizontalLayout();
        if (context.user().hasPermission(AccountService.WRITE)) {
            Button edit = new Button(msg.get("account.edit"),
                    e -> AccountForm.open(accounts, customers, regions, divisions, context, accounts.get(context.user(), accountId), null, saved -> show(layout, context, msg, saved)));
            edit.setId("account-edit");
            Button child = new Button(msg.get("account.newChild"),
                    e -> AccountForm.open(accounts, customers, regions, divisions, context, null, accountId, saved -> CrmSession.openAccount(saved.id())));
            child.setId("account-new-child");
            actions.addComponents(edit, child);
        }
        FormLayout details = new FormLayout();
        details.setId("account-details");
        details.addComponent(Fields.readOnly(msg.get("account.name"), a.name()));
        details.addComponent(Fields.readOnly(msg.get("account.type"), msg.label("accountType", a.type())));
        details.addComponent(Fields.readOnly(msg.get("account.region"), regions.name(a.region(), context.locale())));
        details.addComponent(Fields.readOnly(msg.get("contact.address"), String.join(" ", Fields.shown(a.province()), Fields.shown(a.city()), Fields.shown(a.district()), Fields.shown(a.address())).strip()));
        details.addComponent(Fields.readOnly(msg.get("account.phone"), a.phone()));
        details.addComponent(Fields.readOnly(msg.get("contact.owner"), a.owner()));
        if (a.parentId() != null && context.user().scope().isUnrestricted()) {
            Button parent = new Button(msg.get("account.parent") + ": " + org.opencrm.ui.RecordNames.account(customers, context.user(), a.parentId(), context.locale()), e -> CrmSession.openAccount(a.parentId()));
            parent.addStyleName(ValoTheme.BUTTON_LINK);
            details.addComponent(parent);
        }
        Grid<ContactData> people = new Grid<>(PagedData.of(p -> contacts.search(context.user(), p, accountId, null)));
        people.setCaption(msg.get("account.contacts"));
        people.setWidth("100%");
        people.setHeight("300px");
        RecordLinks.column(people, ContactData::name, c -> "contact/" + c.id(), "contact-link", ContactData::id).setCaption(msg.get("contact.name"));
        people.addColumn(ContactData::mobile).setCaption(msg.get("contact.mobile"));
        layout.addComponents(actions, details, people);
    }
}
