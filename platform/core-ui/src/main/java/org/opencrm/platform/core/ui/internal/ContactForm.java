package org.opencrm.platform.core.ui.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.platform.api.address.Division;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.core.internal.service.ContactService;
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

    static void open(ContactService contacts, CustomerDirectory customers, org.opencrm.platform.api.address.AdministrativeDivisions divisions, UiContext context,
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
        ComboBox<Division> province = division(msg.get("contact.province"), "contact-province");
        ComboBox<Division> city = division(msg.get("contact.city"), "contact-city");
        ComboBox<Division> district = division(msg.get("contact.district"), "contact-district");
        province.setItems(divisions.provinces());
        province.addValueChangeListener(e -> {
            city.setItems(e.getValue() == null || e.getValue().code().isEmpty() ? List.of() : divisions.children(e.getValue().code()));
            city.setValue(null);
        });
        city.addValueChangeListener(e -> {
            district.setItems(e.getValue() == null || e.getValue().code().isEmpty() ? List.of() : divisions.children(e.getValue().code()));
            district.setValue(null);
        });
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
            select(province, existing.province());
            select(city, existing.city());
            select(district, existing.district());
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
        fields.put("province", province);
        fields.put("city", city);
        fields.put("district", district);
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
                    name(province), name(city), name(district), Fields.typed(street.getValue()), tagList,
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
        form.addComponents(name, mobile, email, gender, birthday, province, city, district, street, tags, accountId, save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
        name.focus();
    }

    private static ComboBox<Division> division(String caption, String id) {
        ComboBox<Division> box = new ComboBox<>(caption);
        box.setId(id);
        box.setItemCaptionGenerator(Division::name);
        box.setWidth("100%");
        return box;
    }

    /**
     * Shows a stored name: the division of that name among the box's items; a name from before the selects (free
     * text, e.g. "广东") is kept as it is, without a code, until the user chooses a division.
     */
    @SuppressWarnings("unchecked")
    private static void select(ComboBox<Division> box, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        java.util.Collection<Division> items = box.getDataProvider() instanceof com.vaadin.data.provider.ListDataProvider<?> list
                ? (java.util.Collection<Division>) list.getItems() : java.util.List.of();
        Division match = items.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
        if (match == null) {
            match = new Division("", name);
            java.util.List<Division> all = new java.util.ArrayList<>(items);
            all.add(0, match);
            box.setItems(all);
        }
        box.setValue(match);
    }

    private static String name(ComboBox<Division> box) {
        return box.getValue() == null ? null : box.getValue().name();
    }
}
