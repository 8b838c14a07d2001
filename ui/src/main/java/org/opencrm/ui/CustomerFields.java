package org.opencrm.ui;

import java.util.Map;
import java.util.Optional;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CounterMatch;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;

/**
 * The customer at the counter or on the phone, for any module's form: a mobile number finds the contact; for a new
 * customer the name is asked too and the contact is created (belonging to the given account, so a store or service
 * centre user keeps seeing it). Add {@link #mobile}, {@link #found} and {@link #name} to the form; errors are reported
 * on the fields {@code <prefix>Mobile} and {@code <prefix>Name} (put the two fields into the form's error map under
 * those names).
 */
public final class CustomerFields {
    public final TextField mobile;
    public final TextField name;
    public final Label found = new Label();
    private final CustomerDirectory customers;
    private final UiContext context;
    private final Messages msg;
    private final String fieldPrefix;

    /** {@code idPrefix} prefixes the components' ids (for tests), {@code fieldPrefix} the error fields, e.g. "owner". */
    public CustomerFields(CustomerDirectory customers, UiContext context, String idPrefix, String fieldPrefix) {
        this.customers = customers;
        this.context = context;
        this.fieldPrefix = fieldPrefix;
        this.msg = Messages.of(CustomerFields.class, "org.opencrm.ui.messages", context.locale());
        mobile = Fields.text(msg.get("customer.mobile"), idPrefix + "-" + fieldPrefix + "-mobile");
        name = Fields.text(msg.get("customer.name"), idPrefix + "-" + fieldPrefix + "-name");
        name.setPlaceholder(msg.get("customer.nameHint"));
        found.setId(idPrefix + "-" + fieldPrefix + "-found");
        mobile.addValueChangeListener(e -> lookup());
    }

    public String mobileField() {
        return fieldPrefix + "Mobile";
    }

    public String nameField() {
        return fieldPrefix + "Name";
    }

    /** Puts the two fields into a form's error map. */
    public void register(Map<String, AbstractComponent> fields) {
        fields.put(mobileField(), mobile);
        fields.put(nameField(), name);
    }

    /** Shows a known customer instead of the two fields (a form opened from the contact's page). */
    public void fixed(long contactId) {
        mobile.setVisible(false);
        name.setVisible(false);
        found.setValue(msg.get("customer.found", RecordNames.contact(customers, context.user(), contactId)));
    }

    /**
     * What the typed mobile finds ({@link CustomerDirectory#findAtCounter}): a customer of the user's own scope by name, a
     * customer registered elsewhere by name and masked mobile (found by the complete mobile only), or asks for the
     * name of a new customer.
     */
    private void lookup() {
        String m = Fields.typed(mobile.getValue());
        Optional<CounterMatch> c = m == null || completeMobile(m) == null ? Optional.empty()
                : customers.findAtCounter(context.user(), m, 1).stream().findFirst();
        if (c.isPresent()) {
            found.setValue(c.get().inScope() ? msg.get("customer.found", c.get().name())
                    : msg.get("customer.foundElsewhere", c.get().name(), c.get().maskedMobile()));
            name.setVisible(false);
        } else {
            found.setValue(m == null ? "" : msg.get("customer.new"));
            name.setVisible(true);
        }
    }

    private static String completeMobile(String typed) {
        try {
            return Validation.mobile("mobile", typed);
        } catch (InvalidInputException notYet) {
            return null;
        }
    }

    /** The customer's contact id: the existing contact with this mobile, or a new contact of {@code accountId}. */
    public long resolve(Long accountId) {
        String m = Fields.typed(mobile.getValue());
        if (m == null) {
            throw new InvalidInputException(mobileField(), "the customer's mobile is required", "required");
        }
        Optional<ContactRef> c = customers.contactByMobile(m.replaceAll("[\\s-]", ""));
        if (c.isPresent()) {
            return c.get().id();
        }
        String n = Fields.typed(name.getValue());
        if (n == null) {
            throw new InvalidInputException(nameField(), "a new customer needs a name", "required");
        }
        try {
            return customers.createContact(context.user(), n, m, accountId).id();
        } catch (InvalidInputException e) {
            // the contact's own fields map onto this form's customer fields
            String field = "mobile".equals(e.field()) ? mobileField() : "name".equals(e.field()) ? nameField() : e.field();
            throw new InvalidInputException(field, e.getMessage(), e.messageKey(), e.messageArgs());
        }
    }
}
