package org.opencrm.module.handset.internal.ui;

import java.util.Map;
import java.util.Optional;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;

/**
 * The customer at the counter: a mobile number finds the contact; for a new customer the name is asked too and the
 * contact is created (belonging to the store, so the clerk keeps seeing it).
 */
final class OwnerFields {
    final TextField mobile;
    final TextField name;
    final Label found = new Label();
    private final HandsetScreens screens;
    private final UiContext context;
    private final Messages msg;

    OwnerFields(HandsetScreens screens, UiContext context, Messages msg, String idPrefix) {
        this.screens = screens;
        this.context = context;
        this.msg = msg;
        mobile = Fields.text(msg.get("owner.mobile"), idPrefix + "-owner-mobile");
        name = Fields.text(msg.get("owner.name"), idPrefix + "-owner-name");
        name.setPlaceholder(msg.get("owner.nameHint"));
        found.setId(idPrefix + "-owner-found");
        mobile.addValueChangeListener(e -> lookup());
    }

    private void lookup() {
        String m = Fields.typed(mobile.getValue());
        Optional<ContactRef> c = m == null ? Optional.empty() : screens.customers().contactByMobile(m);
        if (c.isPresent() && screens.customers().canSeeContact(context.user(), c.get().id())) {
            found.setValue(msg.get("owner.found", c.get().name()));
            name.setVisible(false);
        } else {
            found.setValue(m == null ? "" : msg.get("owner.new"));
            name.setVisible(true);
        }
    }

    /** The owner's contact id: the existing contact with this mobile, or a new contact of {@code storeId}. */
    long resolve(Long storeId, Map<String, AbstractComponent> fields) {
        String m = Fields.typed(mobile.getValue());
        if (m == null) {
            throw new InvalidInputException("ownerMobile", "the owner's mobile is required", "required");
        }
        Optional<ContactRef> c = screens.customers().contactByMobile(m.replaceAll("[\\s-]", ""));
        if (c.isPresent()) {
            return c.get().id();
        }
        String n = Fields.typed(name.getValue());
        if (n == null) {
            throw new InvalidInputException("ownerName", "a new customer needs a name", "required");
        }
        try {
            return screens.customers().createContact(context.user(), n, m, storeId).id();
        } catch (InvalidInputException e) {
            // the contact's own fields map onto the owner fields of this form
            String field = "mobile".equals(e.field()) ? "ownerMobile" : "name".equals(e.field()) ? "ownerName" : e.field();
            throw new InvalidInputException(field, e.getMessage(), e.messageKey(), e.messageArgs());
        }
    }
}
