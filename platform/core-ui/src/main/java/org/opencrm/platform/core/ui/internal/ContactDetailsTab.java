package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** The contact's details with Edit, and quick logging of a call, visit, task or note. */
@Component(service = RecordTab.class)
public class ContactDetailsTab extends BaseRecordTab {
    private final ContactService contacts;
    private final CustomerDirectory customers;
    private final ActivityService activities;

    private final org.opencrm.platform.api.address.AdministrativeDivisions divisions;

    @Activate
    public ContactDetailsTab(@Reference ContactService contacts, @Reference ActivityService activities, @Reference CustomerDirectory customers,
            @Reference org.opencrm.platform.api.address.AdministrativeDivisions divisions) {
        super("contact.details", Record.CONTACT, 0, null, CoreUi::messages, "tab.contact.details");
        this.divisions = divisions;
        this.contacts = contacts;
        this.customers = customers;
        this.activities = activities;
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = CoreUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        show(layout, contacts.get(context.user(), contactId), context, msg);
        return layout;
    }

    private void show(VerticalLayout layout, ContactData c, UiContext context, Messages msg) {
        layout.removeAllComponents();
        FormLayout details = new FormLayout();
        details.setId("contact-details");
        details.addComponent(Fields.readOnly(msg.get("contact.mobile"), c.mobile()));
        details.addComponent(Fields.readOnly(msg.get("contact.email"), c.email()));
        details.addComponent(Fields.readOnly(msg.get("contact.gender"), msg.label("gender", c.gender())));
        details.addComponent(Fields.readOnly(msg.get("contact.birthday"), c.birthday() == null ? null : c.birthday().toString()));
        details.addComponent(Fields.readOnly(msg.get("contact.address"), String.join(" ", Fields.shown(c.province()), Fields.shown(c.city()), Fields.shown(c.district()), Fields.shown(c.street())).strip()));
        details.addComponent(Fields.readOnly(msg.get("contact.tags"), String.join(", ", c.tags())));
        details.addComponent(Fields.readOnly(msg.get("contact.status"), msg.label("status", c.status())));
        details.addComponent(Fields.readOnly(msg.get("contact.owner"), c.owner()));
        if (c.accountId() != null) {
            Button account = new Button(msg.get("contact.account") + ": " + org.opencrm.ui.RecordNames.account(customers, context.user(), c.accountId(), context.locale()),
                    e -> CrmSession.openAccount(c.accountId()));
            account.addStyleName(ValoTheme.BUTTON_LINK);
            details.addComponent(account);
        }
        details.addComponent(Fields.readOnly(msg.get("contact.updated"), Times.dateTime(c.updatedAt()) + " · " + Fields.shown(c.updatedBy())));
        HorizontalLayout actions = new HorizontalLayout();
        if (context.user().hasPermission("core.contact.write")) {
            Button edit = new Button(msg.get("contact.edit"),
                    e -> ContactForm.open(contacts, customers, divisions, context, contacts.get(context.user(), c.id()), saved -> show(layout, saved, context, msg)));
            edit.setId("contact-edit");
            actions.addComponent(edit);
        }
        if (context.user().hasPermission("core.activity.write")) {
            for (String type : new String[] { "CALL", "VISIT", "TASK", "NOTE" }) {
                Button log = new Button(msg.get("activity.log." + type), e -> logActivity(context, msg, c.id(), type));
                log.setId("contact-log-" + type.toLowerCase());
                log.addStyleName(ValoTheme.BUTTON_SMALL);
                actions.addComponent(log);
            }
        }
        layout.addComponents(actions, details);
    }

    private void logActivity(UiContext context, Messages msg, long contactId, String type) {
        Window w = new Window(msg.get("activity.log." + type));
        w.setModal(true);
        w.setWidth("480px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField subject = new TextField(msg.get("activity.subject"));
        subject.setId("activity-subject");
        subject.setWidth("100%");
        TextArea description = new TextArea(msg.get("activity.description"));
        description.setWidth("100%");
        DateField due = new org.opencrm.ui.DateInput(msg.get("activity.dueDate"));
        due.setDateFormat("yyyy-MM-dd");
        ComboBox<String> status = new ComboBox<>(msg.get("activity.status"), java.util.List.of("OPEN", "DONE"));
        status.setItemCaptionGenerator(s -> msg.get("activity.status." + s));
        status.setEmptySelectionAllowed(false);
        status.setValue(type.equals("TASK") ? "OPEN" : "DONE");
        if (type.equals("TASK")) {
            due.setValue(Times.today().plusDays(1));
        }
        java.util.Map<String, com.vaadin.ui.AbstractComponent> fields = java.util.Map.of("subject", subject, "description", description,
                "dueDate", due, "status", status);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                activities.create(context.user(), new ActivityData(null, type, subject.getValue().strip(), description.getValue(), due.getValue(),
                        status.getValue(), null, contactId, null, null, null, null, null));
                w.close();
                Feedback.done(msg.get("activity.saved"));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields);
            }
        });
        save.setId("activity-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(subject, description, due, status, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
        subject.focus();
    }
}
