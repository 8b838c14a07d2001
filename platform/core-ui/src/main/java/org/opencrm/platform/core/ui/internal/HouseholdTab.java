package org.opencrm.platform.core.ui.internal;

import java.util.List;

import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordLinks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

/** The family the contact belongs to: its members (each opens its own page; their purchases are on their timelines). */
@Component(service = RecordTab.class)
public class HouseholdTab extends BaseRecordTab {
    private final ContactService contacts;

    @Activate
    public HouseholdTab(@Reference ContactService contacts) {
        super("contact.household", Record.CONTACT, 10, null, CoreUi::messages, "tab.contact.household");
        this.contacts = contacts;
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = CoreUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        ContactData c = contacts.get(context.user(), contactId);
        if (c.householdId() == null) {
            layout.addComponent(new Label(msg.get("household.none")));
            return layout;
        }
        List<ContactData> members = contacts.householdMembers(context.user(), c.householdId());
        Grid<ContactData> grid = new Grid<>();
        grid.setId("household-grid");
        grid.setWidth("100%");
        grid.setItems(members);
        RecordLinks.column(grid, ContactData::name, m -> "contact/" + m.id(), "contact-link", ContactData::id).setCaption(msg.get("contact.name"));
        grid.addColumn(ContactData::mobile).setCaption(msg.get("contact.mobile"));
        grid.addColumn(m -> msg.label("gender", m.gender())).setCaption(msg.get("contact.gender"));
        layout.addComponent(grid);
        return layout;
    }
}
