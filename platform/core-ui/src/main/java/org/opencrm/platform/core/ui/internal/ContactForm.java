package org.opencrm.platform.core.ui.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.DivisionSelects;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Create or edit a contact. The service validates (mobile format, e-mail, lengths, duplicates, scope); its error
 * is shown at the field it names and the window stays open with everything the user typed.
 */
final class ContactForm {
    private ContactForm() {
    }

    static void open(ContactService contacts, CustomerDirectory customers, AdministrativeDivisions divisions, UiContext context,
            ContactData existing, Consumer<ContactData> saved) {
        Messages msg = CoreUi.messages(context.locale());
        Window window = new Window(msg.get(existing == null ? "contacts.new" : "contact.edit"));
        window.setModal(true);
        window.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField name = Fields.text(msg.get("contact.name"), "contact-name");
        TextField mobile = Fields.text(msg.get("contact.mobile"), "contact-mobile");
        TextField email = Fields.text(msg.get("contact.email"), "contact-email");
        ComboBox<Gender> gender = new ComboBox<>(msg.get("contact.gender"), List.of(Gender.values()));
        gender.setItemCaptionGenerator(g -> msg.label("gender", g));
        gender.setEmptySelectionAllowed(false);
        gender.setValue(Gender.UNKNOWN);
        org.opencrm.ui.DateInput birthday = new org.opencrm.ui.DateInput(msg.get("contact.birthday"));
        birthday.setDateFormat("yyyy-MM-dd");
        // 省/市/区 as cascading selects on the national divisions (GB/T 2260): stored as their names and code
        DivisionSelects address = new DivisionSelects(divisions, context.locale(), "contact");
        TextField street = Fields.text(msg.get("contact.street"), "contact-street");
        TextField tags = Fields.text(msg.get("contact.tags"), "contact-tags");
        tags.setPlaceholder(msg.get("contact.tagsHint"));
        RecordPicker<Long> accountId = Pickers.account(customers, context, msg.get("contact.accountId"), "contact-account");
        if (existing != null) {
            name.setValue(Fields.shown(existing.name()));
            mobile.setValue(Fields.shown(existing.mobile()));
            email.setValue(Fields.shown(existing.email()));
            gender.setValue(existing.gender() == null ? Gender.UNKNOWN : existing.gender());
            birthday.setValue(existing.birthday());
            address.show(existing.province(), existing.city(), existing.district(), existing.divisionCode());
            street.setValue(Fields.shown(existing.street()));
            tags.setValue(String.join(", ", existing.tags()));
            accountId.setValue(existing.accountId());
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("mobile", mobile);
        fields.put("email", email);
        fields.put("gender", gender);
        fields.put("birthday", birthday);
        address.register(fields);
        fields.put("street", street);
        fields.put("tags", tags);
        fields.put("accountId", accountId);
        Button save = new Button(msg.get("action.save"), e -> {
            Long account = accountId.getValue();
            java.time.LocalDate born;
            try {
                Feedback.clearFieldErrors(fields);
                born = birthday.checkedValue();
            } catch (org.opencrm.ui.Fields.InvalidField stop) {
                return; // the field says why; what was typed stays
            }
            List<String> tagList = Arrays.stream(tags.getValue().split("[,，;；]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            ContactData in = new ContactData(existing == null ? null : existing.id(), name.getValue().strip(), Fields.typed(mobile.getValue()),
                    existing == null ? List.of() : existing.otherPhones(), Fields.typed(email.getValue()), gender.getValue(), born,
                    address.province(), address.city(), address.district(), address.divisionCode(), Fields.typed(street.getValue()), tagList,
                    existing == null ? null : existing.status(), existing == null ? null : existing.owner(), account,
                    existing == null ? null : existing.householdId(), null, null, null, null, null,
                    existing == null ? null : existing.version());
            try {
                ContactData result = existing == null ? contacts.create(context.user(), in) : contacts.update(context.user(), existing.id(), in);
                window.close();
                Feedback.done(msg.get("contact.saved", result.name()));
                saved.accept(result);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields);
            }
        });
        save.setId("contact-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(name, mobile, email, gender, birthday);
        form.addComponents(address.components());
        form.addComponents(street, tags, accountId, save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
        name.focus();
    }
}
