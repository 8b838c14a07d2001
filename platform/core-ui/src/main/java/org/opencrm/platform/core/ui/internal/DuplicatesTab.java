package org.opencrm.platform.core.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Duplicate merge: the likely duplicates the service finds (same e-mail, same name in the same city, the mobile
 * among other phones) or any contact by id, compared field by field with this one, and merged into it after a
 * confirmation. The merged contact stays as MERGED pointing here, so old links still lead somewhere.
 */
@Component(service = RecordTab.class)
public class DuplicatesTab extends BaseRecordTab {
    private final ContactService contacts;
    private final CustomerDirectory customers;

    @Activate
    public DuplicatesTab(@Reference ContactService contacts, @Reference CustomerDirectory customers) {
        super("contact.duplicates", Record.CONTACT, 90, "core.contact.write", CoreUi::messages, "tab.contact.duplicates");
        this.contacts = contacts;
        this.customers = customers;
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = CoreUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        layout.setWidth("100%");
        layout.setId("duplicates-tab");
        show(layout, context, msg, contactId);
        return layout;
    }

    private void show(VerticalLayout layout, UiContext context, Messages msg, long contactId) {
        layout.removeAllComponents();
        ContactData self = contacts.get(context.user(), contactId);
        if (self.status() == ContactStatus.MERGED) {
            Button target = new Button(msg.get("merge.mergedInto", org.opencrm.ui.RecordNames.contact(customers, context.user(), self.mergedIntoId())), e -> CrmSession.openContact(self.mergedIntoId()));
            target.addStyleName(ValoTheme.BUTTON_LINK);
            layout.addComponent(target);
            return;
        }
        layout.addComponent(new Label(msg.get("merge.help")));
        RecordPicker<Long> otherId = Pickers.contact(customers, context, null, "merge-other-id");
        otherId.setWidth("360px");
        VerticalLayout candidates = new VerticalLayout();
        candidates.setMargin(false);
        Button compare = new Button(msg.get("merge.compare"), e -> {
            try {
                var id = java.util.Optional.ofNullable(otherId.getValue());
                if (id.isEmpty()) {
                    otherId.setComponentError(new com.vaadin.server.UserError(msg.get("merge.otherIdNumber")));
                    Feedback.error(msg.get("merge.otherIdNumber"));
                    return;
                }
                ContactData other = contacts.get(context.user(), id.get());
                candidates.removeAllComponents();
                candidates.addComponent(comparison(layout, context, msg, self, other));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("id", otherId));
            }
        });
        compare.setId("merge-compare");
        HorizontalLayout byId = new HorizontalLayout(otherId, compare);
        layout.addComponents(byId, candidates);
        List<ContactData> found = contacts.duplicates(context.user(), contactId);
        if (found.isEmpty()) {
            Label none = new Label(msg.get("merge.none"));
            none.setId("merge-none");
            candidates.addComponent(none);
        }
        for (ContactData other : found) {
            candidates.addComponent(comparison(layout, context, msg, self, other));
        }
    }

    /** How staff tell two namesakes apart: the name and the masked mobile, never the internal id. */
    private static String caption(ContactData c) {
        return org.opencrm.ui.RecordNames.contactCaption(new org.opencrm.platform.api.customer.ContactRef(c.id(), c.name(), c.mobile(), c.accountId()));
    }

    /** One candidate: its fields beside this contact's, and the merge button. */
    private Panel comparison(VerticalLayout layout, UiContext context, Messages msg, ContactData self, ContactData other) {
        List<Row> rows = new ArrayList<>();
        add(rows, msg.get("contact.name"), self, other, ContactData::name);
        add(rows, msg.get("contact.mobile"), self, other, ContactData::mobile);
        add(rows, msg.get("merge.otherPhones"), self, other, c -> String.join(", ", c.otherPhones()));
        add(rows, msg.get("contact.email"), self, other, ContactData::email);
        add(rows, msg.get("contact.gender"), self, other, c -> msg.label("gender", c.gender()));
        add(rows, msg.get("contact.birthday"), self, other, c -> c.birthday() == null ? null : c.birthday().toString());
        add(rows, msg.get("contact.address"), self, other, c -> String.join(" ", Fields.shown(c.province()), Fields.shown(c.city()), Fields.shown(c.district()), Fields.shown(c.street())).strip());
        add(rows, msg.get("contact.tags"), self, other, c -> String.join(", ", c.tags()));
        add(rows, msg.get("contact.account"), self, other, c -> c.accountId() == null ? null : org.opencrm.ui.RecordNames.account(customers, context.user(), c.accountId(), context.locale()));
        add(rows, msg.get("contact.owner"), self, other, ContactData::owner);
        Grid<Row> grid = new Grid<>();
        grid.setItems(rows);
        grid.setWidth("100%");
        grid.setHeightByRows(rows.size());
        grid.addColumn(Row::field).setCaption("").setWidth(140);
        grid.addColumn(Row::kept).setCaption(msg.get("merge.kept", caption(self)));
        grid.addColumn(Row::merged).setCaption(msg.get("merge.mergedFrom", caption(other)));
        Button open = new Button(msg.get("merge.open", caption(other)), e -> CrmSession.openContact(other.id()));
        open.addStyleName(ValoTheme.BUTTON_LINK);
        Button merge = new Button(msg.get("merge.action", caption(other)), e -> confirm(layout, context, msg, self, other));
        merge.setId("merge-" + other.id());
        merge.addStyleName(ValoTheme.BUTTON_DANGER);
        VerticalLayout content = new VerticalLayout(grid, new Label(msg.get("merge.rule")), new HorizontalLayout(merge, open));
        Panel panel = new Panel(caption(other), content);
        panel.setId("merge-candidate-" + other.id());
        return panel;
    }

    private void confirm(VerticalLayout layout, UiContext context, Messages msg, ContactData self, ContactData other) {
        org.opencrm.ui.Confirm.ask("merge-confirm", msg.get("merge.confirmTitle"),
                msg.get("merge.confirmText", caption(other), caption(self)), msg.get("merge.confirm"), () -> {
                    try {
                        ContactData merged = contacts.merge(context.user(), self.id(), other.id());
                        Feedback.done(msg.get("merge.done", other.name(), merged.name()));
                        show(layout, context, msg, self.id());
                    } catch (RuntimeException ex) {
                        Feedback.failed(ex, Map.of());
                    }
                });
    }

    private record Row(String field, String kept, String merged) {
    }

    private static void add(List<Row> rows, String caption, ContactData kept, ContactData merged, Function<ContactData, String> value) {
        rows.add(new Row(caption, value.apply(kept), value.apply(merged)));
    }
}
