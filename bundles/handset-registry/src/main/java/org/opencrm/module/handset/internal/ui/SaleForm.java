package org.opencrm.module.handset.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.CustomerFields;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;

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
 * The warranty card as a store clerk fills it in: the phone's IMEI, the customer's mobile (name for a new customer),
 * the store (the clerk's own, pre-filled), invoice, date, and the accessories' codes. Errors stay at their field and
 * nothing typed is lost.
 */
final class SaleForm {
    private SaleForm() {
    }

    /** {@code ownerContactId} pre-selects the owner (from a contact's page); {@code open} shows the sold unit. */
    static void open(HandsetScreens screens, UiContext context, String imei, Long ownerContactId, Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        Window window = new Window(msg.get("handsets.registerSale"));
        window.setModal(true);
        window.setWidth("560px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField imeiField = Fields.text("IMEI", "sale-imei");
        if (imei != null) {
            imeiField.setValue(imei);
            imeiField.setReadOnly(true);
        }
        CustomerFields owner = new CustomerFields(screens.customers(), context, "sale", "owner");
        if (ownerContactId != null) {
            owner.fixed(ownerContactId);
        }
        RecordPicker<Long> store = Pickers.store(screens.customers(), context, msg.get("card.storeId"), "sale-store");
        var scope = context.user().scope();
        if (scope.type() == ScopeType.STORE && scope.accountId() != null) {
            store.setValue(scope.accountId());
        }
        RecordPicker<Long> retailer = Pickers.account(screens.customers(), context, msg.get("card.retailerId"), "sale-retailer");
        TextField invoice = Fields.text(msg.get("card.invoice"), "sale-invoice");
        DateField date = new org.opencrm.ui.DateInput(msg.get("handset.saleDate"), Times.today());
        date.setId("sale-date");
        date.setDateFormat("yyyy-MM-dd");
        ComboBox<CaptureChannel> channel = new ComboBox<>(msg.get("card.channel"), List.of(CaptureChannel.values()));
        channel.setItemCaptionGenerator(c -> msg.label("channel", c));
        channel.setEmptySelectionAllowed(false);
        channel.setValue(CaptureChannel.STORE_CLERK);
        Map<AccessoryType, TextField> accessories = new LinkedHashMap<>();
        for (AccessoryType t : AccessoryType.values()) {
            TextField code = Fields.text(msg.label("accessory", t), "sale-accessory-" + t.name().toLowerCase());
            code.setPlaceholder(msg.get("card.accessoryCodeHint"));
            accessories.put(t, code);
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("imei", imeiField);
        owner.register(fields);
        fields.put("storeAccountId", store);
        fields.put("retailerAccountId", retailer);
        fields.put("invoiceNumber", invoice);
        fields.put("saleDate", date);
        fields.put("channel", channel);
        fields.put("accessories", accessories.get(AccessoryType.BATTERY));
        Button save = new Button(msg.get("card.save"), e -> {
            Long storeId = store.getValue();
            Long retailerId = retailer.getValue();
            try {
                Feedback.clearFieldErrors(fields);
                long ownerId = ownerContactId != null ? ownerContactId : owner.resolve(storeId);
                List<AccessoryData> parts = new ArrayList<>();
                accessories.forEach((type, code) -> {
                    if (!code.getValue().isBlank()) {
                        parts.add(new AccessoryData(type, code.getValue().strip(), null));
                    }
                });
                HandsetData sold = screens.sales().sell(context.user(), imeiField.getValue().strip(), new SaleRequest(ownerId, retailerId, storeId,
                        Fields.typed(invoice.getValue()), date.getValue(), channel.getValue(), parts, null));
                window.close();
                Feedback.done(msg.get("card.saved", sold.imei()));
                open.accept(sold.imei());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("sale-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(imeiField, owner.mobile, owner.found, owner.name, store, retailer, invoice, date, channel);
        accessories.values().forEach(form::addComponent);
        form.addComponent(save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
        (imei == null ? imeiField : owner.mobile).focus();
    }
}
