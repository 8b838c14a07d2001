package org.opencrm.module.repair.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CustomerFields;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * A device received at a service centre: a new repair order, for a service request or a walk-in customer. With the
 * handset registry installed the warranty comes from it (the clerk's answer is only asked for units it does not know);
 * without it the clerk states it.
 */
final class ReceiveForm {
    private ReceiveForm() {
    }

    /** {@code request} when receiving for a service request, else null (walk-in; {@code contactId} may preselect the customer). */
    static void open(RepairScreens screens, UiContext context, ServiceRequestData request, Consumer<RepairOrderData> opened) {
        open(screens, context, request, null, opened);
    }

    static void open(RepairScreens screens, UiContext context, ServiceRequestData request, Long contactId, Consumer<RepairOrderData> opened) {
        Messages msg = RepairUi.messages(context.locale());
        Window w = new Window(request == null ? msg.get("order.receive") : msg.get("order.receiveFor", request.number()));
        w.setModal(true);
        w.setWidth("600px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        Long fixedContact = request != null ? Long.valueOf(request.contactId()) : contactId;
        CustomerFields customer = new CustomerFields(screens.customers, context, "receive", "customer");
        if (fixedContact != null) {
            customer.fixed(fixedContact);
        }
        ComboBox<Long> centre = RepairUi.centrePicker(screens, context, msg.get("request.centre"), "receive-centre");
        TextField imei = Fields.text("IMEI", "receive-imei");
        TextField serial = Fields.text(msg.get("request.serial"), "receive-serial");
        TextField model = Fields.text(msg.get("request.model"), "receive-model");
        if (request != null) {
            if (request.centreAccountId() != null) {
                centre.setValue(request.centreAccountId());
            }
            imei.setValue(Fields.shown(request.imei()));
            serial.setValue(Fields.shown(request.serialNumber()));
            model.setValue(Fields.shown(request.modelCode()));
        }
        TextArea symptom = new TextArea(msg.get("order.symptom"));
        symptom.setId("receive-symptom");
        symptom.setWidth("100%");
        symptom.setRows(3);
        if (request != null) {
            symptom.setValue(request.description());
        }
        boolean registry = screens.orders.registryPresent();
        Label registryNote = new Label(registry ? msg.get("order.warrantyFromRegistry") : msg.get("order.warrantyByClerk"));
        registryNote.setId("receive-warranty-source");
        registryNote.addStyleName(ValoTheme.LABEL_LIGHT);
        ComboBox<Boolean> inWarranty = new ComboBox<>(msg.get("order.inWarranty"), List.of(Boolean.TRUE, Boolean.FALSE));
        inWarranty.setId("receive-in-warranty");
        inWarranty.setItemCaptionGenerator(b -> msg.get(b ? "order.warrantyYes" : "order.warrantyNo"));
        inWarranty.setPlaceholder(registry ? msg.get("order.warrantyAsRegistry") : "");
        TextField warrantyNote = Fields.text(msg.get("order.warrantyNote"), "receive-warranty-note");
        warrantyNote.setPlaceholder(msg.get("order.warrantyNoteHint"));
        TextField technician = Fields.text(msg.get("order.technician"), "receive-technician");

        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        customer.register(fields);
        fields.put("contactId", customer.mobile);
        fields.put("centreAccountId", centre);
        fields.put("imei", imei);
        fields.put("serialNumber", serial);
        fields.put("modelCode", model);
        fields.put("symptom", symptom);
        fields.put("inWarranty", inWarranty);
        fields.put("warrantyNote", warrantyNote);
        fields.put("technician", technician);
        // the device's condition at the counter: damage or liquid voids the warranty; what came with it is written down
        com.vaadin.ui.CheckBox physical = new com.vaadin.ui.CheckBox(msg.get("order.physicalDamage"));
        physical.setId("receive-physical-damage");
        com.vaadin.ui.CheckBox liquid = new com.vaadin.ui.CheckBox(msg.get("order.liquidDamage"));
        liquid.setId("receive-liquid-damage");
        TextField accessories = Fields.text(msg.get("order.accessories"), "receive-accessories");
        accessories.setPlaceholder(msg.get("order.accessoriesHint"));
        fields.put("physicalDamage", physical);
        fields.put("liquidDamage", liquid);
        fields.put("accessories", accessories);
        Button save = new Button(msg.get("order.receiveSave"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                long contact = fixedContact != null ? fixedContact : customer.resolve(centre.getValue());
                RepairOrderData order = screens.orders.receive(context.user(), new NewRepairOrder(request == null ? null : request.id(), contact, centre.getValue(),
                        Fields.typed(imei.getValue()), Fields.typed(serial.getValue()), Fields.typed(model.getValue()), symptom.getValue(), inWarranty.getValue(),
                        Fields.typed(warrantyNote.getValue()), Fields.typed(technician.getValue()), physical.getValue(), liquid.getValue(),
                        Fields.typed(accessories.getValue())));
                w.close();
                Feedback.done(msg.get("order.received", order.number(), msg.get(order.inWarranty() ? "order.warrantyYes" : "order.warrantyNo")));
                opened.accept(order);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("receive-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(customer.mobile, customer.found, customer.name, centre, imei, serial, model, symptom, physical, liquid, accessories, registryNote,
                inWarranty, warrantyNote, technician, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
        (fixedContact == null ? customer.mobile : imei).focus();
    }
}
