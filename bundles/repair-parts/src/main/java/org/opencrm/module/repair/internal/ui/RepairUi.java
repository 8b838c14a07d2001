package org.opencrm.module.repair.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.LongConsumer;

import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordNames;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The module's UI messages, view names and the small helpers its screens share. */
final class RepairUi {
    static final String MESSAGES = "org.opencrm.module.repair.internal.ui.messages";
    /** {@code service-desk/<id>} opens one service request. */
    static final String DESK = "service-desk";
    /** {@code repair-orders/<id>} opens one repair order. */
    static final String ORDERS = "repair-orders";
    static final String PARTS = "parts";
    static final String APPROVALS = "part-approvals";
    /** {@code parts-orders/<id>} opens one parts order. */
    static final String PARTS_ORDERS = "parts-orders";
    static final String RETURNS = "part-returns";
    static final String ANALYTICS = "repair-analytics";
    /** The handset registry's unit page, linked when the registry is installed. */
    static final String HANDSET = "handsets";

    private RepairUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(RepairUi.class, MESSAGES, locale);
    }

    /** The translated label of a status or kind the services hand out as text: key {@code <prefix>.<VALUE>}. */
    static String label(Messages msg, String prefix, String value) {
        if (value == null) {
            return "";
        }
        String key = prefix + "." + value;
        return msg.has(key) ? msg.get(key) : value;
    }

    static String money(BigDecimal yuan) {
        return org.opencrm.platform.api.money.Money.display(yuan);
    }

    static Button link(String caption, Runnable click) {
        Button b = new Button(caption, e -> click.run());
        b.addStyleName(ValoTheme.BUTTON_LINK);
        return b;
    }

    /**
     * The service centres a user may pick, by name: the accounts of the centre warehouses in the user's scope (a centre
     * user gets their own preselected). Typing filters by name; a typed number is not taken as an account id (a centre
     * without a warehouse is not one to route repairs to: HQ sets its warehouse up first).
     */
    static ComboBox<Long> centrePicker(RepairScreens screens, UiContext context, String caption, String id) {
        List<Long> centres = new ArrayList<>(screens.stock.warehouses(context.user()).stream().filter(w -> "CENTRE".equals(w.kind()))
                .map(WarehouseData::accountId).toList());
        ComboBox<Long> picker = new ComboBox<>(caption);
        picker.setId(id);
        picker.setWidth("320px");
        picker.setItems(centres);
        picker.setItemCaptionGenerator(a -> RecordNames.account(screens.customers, context.user(), a));
        DataScope scope = context.user().scope();
        if (scope != null && !scope.isUnrestricted() && scope.accountId() != null && centres.contains(scope.accountId())) {
            picker.setValue(scope.accountId());
        }
        return picker;
    }

    /** A CNY amount typed into a field, null when blank; otherwise marks the field, tells the user and stops the save. */
    static BigDecimal amount(Messages msg, TextField field, Map<String, ? extends AbstractComponent> form) {
        return Fields.optionalDecimal(field, msg.get("quote.notAmount"), form).orElse(null);
    }

    /** A whole quantity typed into a field (may be negative for an adjustment), null when blank. */
    static Long quantity(Messages msg, TextField field, Map<String, ? extends AbstractComponent> form) {
        return Fields.optionalId(field, msg.get("part.notQuantity"), form).orElse(null);
    }

    /** A link in a form row: the form shows the wrapper's caption beside it, as it does for a field. */
    /**
     * The customer of an order or request the user sees, "Name (138****0007)": a centre serves any walk-in customer, so
     * one registered by another store (outside the user's scope, found at the intake by the complete mobile) is shown by
     * name and masked mobile too, without the link to the contact's page the user may not open.
     */
    static String customer(RepairScreens screens, UiContext context, long contactId) {
        return screens.customers.canSeeContact(context.user(), contactId) ? RecordNames.contact(screens.customers, context.user(), contactId)
                : screens.customers.contact(contactId).map(RecordNames::contactCaption).orElse(RecordNames.HIDDEN);
    }

    /** {@link #customer} as a row of a record's details: a link to the contact's page when the user may open it. */
    static Component customerRow(RepairScreens screens, UiContext context, String id, String caption, long contactId) {
        String text = customer(screens, context, contactId);
        if (screens.customers.canSeeContact(context.user(), contactId)) {
            return linkRow(id, caption, text, () -> CrmSession.openContact(contactId));
        }
        Label shown = new Label(text);
        shown.setId(id);
        shown.setCaption(caption);
        return shown;
    }

    static Component linkRow(String id, String caption, String text, Runnable click) {
        Button link = link(text, click);
        link.setId(id);
        HorizontalLayout row = new HorizontalLayout(link);
        row.setCaption(caption);
        return row;
    }

    /**
     * Shows the record a deep link names ("12" or "RO00000012") through {@code page}, or, when there is none the user
     * may see, says so with a link back to the list.
     */
    static void showRecord(VerticalLayout view, Messages msg, String parameters, String prefix, LongConsumer page, String notFoundKey, String listView) {
        try {
            page.accept(Long.parseLong(parameters.replaceFirst("^" + prefix + "0*", "")));
        } catch (NumberFormatException | RecordNotFoundException e) {
            Label missing = new Label(msg.get(notFoundKey, parameters));
            missing.setId(listView + "-not-found");
            view.addComponents(missing, link(msg.get("list.back"), () -> CrmSession.navigate(listView)));
        }
    }

    static Button button(String id, String caption, Runnable click) {
        Button b = new Button(caption, e -> click.run());
        b.setId(id);
        return b;
    }
}
