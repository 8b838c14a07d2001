package org.opencrm.module.channel.internal.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderLineData;
import org.opencrm.module.channel.internal.dto.ShipInput;
import org.opencrm.module.channel.internal.dto.ShipLineInput;
import org.opencrm.module.channel.internal.dto.ShipmentData;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.server.UserError;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * A shipment of an approved order: the quantity per open line (the open quantity to start with; lower it for a partial
 * shipment, 0 leaves the line for later) and, for a serialised product (handset models), its IMEIs scanned or pasted one
 * per line, as many as the quantity. What the service refuses (an IMEI unknown to the handset registry, not in stock,
 * shipped already) is said in words. Ships through {@code OrderService.ship} with a {@link ShipInput}, as REST does.
 */
final class ShipmentWindow {
    private record Row(OrderLineData line, TextField quantity, TextArea serials) {
    }

    private ShipmentWindow() {
    }

    /** True when the order has an open line of a serialised product (it cannot be shipped without its IMEIs). */
    static boolean needsSerials(OrderData o) {
        return o.lines() != null && o.lines().stream().anyMatch(l -> l.serialised() && l.quantity() > l.shippedQuantity());
    }

    static void open(ChannelServices services, UiContext context, OrderData order, Runnable done) {
        Messages msg = ChannelUi.messages(context.locale());
        Window w = new Window(msg.get("ship.title", order.number()));
        w.setId("channel-ship-window");
        w.setModal(true);
        w.setWidth("95%");
        VerticalLayout body = new VerticalLayout();
        Label hint = new Label(msg.get("ship.hint"));
        hint.setWidth("100%");
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        body.addComponent(hint);
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (OrderLineData l : order.lines()) {
            int open = l.quantity() - l.shippedQuantity();
            if (open <= 0) {
                continue;
            }
            FormLayout form = new FormLayout();
            form.setWidth("100%");
            form.setMargin(false);
            form.setCaption(msg.get("ship.line", l.lineNo(), l.productCode(), l.productName(), open));
            TextField quantity = Fields.text(msg.get("ship.quantity"), "channel-ship-quantity-" + n);
            quantity.setValue(Integer.toString(open));
            form.addComponent(quantity);
            TextArea serials = null;
            if (l.serialised()) {
                TextArea area = new TextArea(msg.get("ship.serials"));
                area.setId("channel-ship-serials-" + n);
                area.setPlaceholder(msg.get("ship.serials.placeholder"));
                area.setWidth("100%");
                area.setRows(Math.min(8, Math.max(3, open)));
                area.setValueChangeMode(ValueChangeMode.LAZY);
                Label counted = new Label();
                counted.setId("channel-ship-counted-" + n);
                Runnable count = () -> counted.setValue(msg.get("ship.serialsCounted", ShipmentForm.serials(area.getValue()).size(),
                        quantity.getValue().strip()));
                area.addValueChangeListener(e -> count.run());
                quantity.addValueChangeListener(e -> count.run());
                count.run();
                form.addComponents(area, counted);
                serials = area;
            }
            rows.add(new Row(l, quantity, serials));
            body.addComponent(form);
            n++;
        }
        Label refusal = new Label();
        refusal.setId("channel-ship-refusal");
        refusal.addStyleName(ValoTheme.LABEL_FAILURE);
        refusal.setWidth("100%");
        refusal.setVisible(false);
        Button ship = new Button(msg.get("ship.submit"));
        ship.setId("channel-ship-submit");
        ship.addStyleName(ValoTheme.BUTTON_PRIMARY);
        ship.addClickListener(e -> {
            refusal.setVisible(false);
            List<ShipLineInput> lines = new ArrayList<>();
            // the service names a field by the index of the line in what is sent: lines[i].quantity, lines[i].serials
            Map<String, AbstractComponent> fields = new HashMap<>();
            boolean ok = true;
            for (Row r : rows) {
                r.quantity().setComponentError(null);
                if (r.serials() != null) {
                    r.serials().setComponentError(null);
                }
                try {
                    ShipLineInput in = ShipmentForm.line(r.line().id(), r.line().quantity() - r.line().shippedQuantity(), r.line().serialised(),
                            r.quantity().getValue(), r.serials() == null ? null : r.serials().getValue());
                    if (in != null) {
                        int i = lines.size();
                        fields.put("lines[" + i + "].quantity", r.quantity());
                        if (r.serials() != null) {
                            fields.put("lines[" + i + "].serials", r.serials());
                        }
                        lines.add(in);
                    }
                } catch (ShipmentForm.Refused refused) {
                    ok = false;
                    AbstractComponent at = "serials".equals(refused.field) && r.serials() != null ? r.serials() : r.quantity();
                    at.setComponentError(new UserError(msg.get(refused.key, refused.args)));
                }
            }
            if (!ok) {
                Feedback.error(msg.get("ship.fix"));
                return;
            }
            if (lines.isEmpty()) {
                Feedback.error(msg.get("ship.nothing"));
                return;
            }
            // the handset registry's refusals name the field "serials": at the IMEI list when only one line has one
            List<AbstractComponent> areas = rows.stream().filter(r -> r.serials() != null).map(r -> (AbstractComponent) r.serials()).toList();
            if (areas.size() == 1) {
                fields.put("serials", areas.get(0));
            }
            try {
                ShipmentData s = services.orders().ship(context.user(), order.id(), new ShipInput(lines));
                Feedback.done(msg.get("ship.done", s.number(), s.invoiceNumber(), ChannelUi.yuan(s.amount())));
                w.close();
                done.run();
            } catch (CrmException ex) {
                refusal.setValue(Feedback.describe(ex, msg.locale(), msg));
                refusal.setVisible(true);
                Feedback.failed(ex, fields, msg);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        body.addComponents(refusal, ship);
        body.setComponentAlignment(ship, Alignment.MIDDLE_RIGHT);
        w.setContent(body);
        UI.getCurrent().addWindow(w);
    }
}
