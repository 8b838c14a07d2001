package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.OrderLineInput;
import org.opencrm.module.repair.internal.dto.PartsOrderData;
import org.opencrm.module.repair.internal.dto.PartsOrderInput;
import org.opencrm.module.repair.internal.dto.PartsOrderLineData;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.model.PartsOrderStatus;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Parts orders from service centres to their supplying warehouse: submitted → approved → shipped (partly, with a
 * backorder, when stock is short) → received; one order's page at {@code #!parts-orders/<id>}.
 */
final class PartsOrdersView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private static final int LINES = 5;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;

    PartsOrdersView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("parts-orders-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters.isEmpty()) {
            list();
            return;
        }
        RepairUi.showRecord(this, msg, parameters, "PO", id -> page(screens.partsOrders.get(context.user(), id)), "partsOrder.notFound", RepairUi.PARTS_ORDERS);
    }

    private void list() {
        Label title = new Label(msg.get("menu." + RepairUi.PARTS_ORDERS));
        title.addStyleName(ValoTheme.LABEL_H2);
        ComboBox<PartsOrderStatus> status = new ComboBox<>(null, List.of(PartsOrderStatus.values()));
        status.setId("parts-orders-status");
        status.setPlaceholder(msg.get("orders.anyStatus"));
        status.setItemCaptionGenerator(s -> msg.label("partsOrderStatus", s));
        ConfigurableFilterDataProvider<PartsOrderData, Void, String> rows = PagedData
                .of(page -> screens.partsOrders.search(context.user(), status.getValue() == null ? null : status.getValue().name(), null, page));
        Grid<PartsOrderData> grid = new Grid<>(rows);
        grid.setId("parts-orders-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, PartsOrderData::number, o -> RepairUi.PARTS_ORDERS + "/" + o.id(), "parts-order-link", PartsOrderData::id).setCaption(msg.get("partsOrder.number")).setWidth(120);
        grid.addColumn(o -> RepairUi.label(msg, "partsOrderStatus", o.status())).setCaption(msg.get("order.status"));
        grid.addColumn(o -> RecordNames.account(screens.customers, context.user(), o.centreAccountId())).setCaption(msg.get("request.centre"));
        grid.addColumn(o -> o.lines().size()).setCaption(msg.get("partsOrder.lines")).setWidth(90);
        grid.addColumn(o -> o.lines().stream().mapToLong(PartsOrderLineData::backorder).sum()).setCaption(msg.get("partsOrder.backorder")).setWidth(110);
        grid.addColumn(o -> Times.dateTime(o.submittedAt()) + " · " + o.submittedBy()).setCaption(msg.get("partsOrder.submitted"));
        status.addValueChangeListener(e -> rows.refreshAll());
        Button create = RepairUi.button("parts-orders-new", msg.get("partsOrder.new"), this::newOrder);
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission(RepairModule.WRITE));
        addComponents(title, new HorizontalLayout(status, create), grid);
    }

    private void newOrder() {
        Window w = new Window(msg.get("partsOrder.new"));
        w.setModal(true);
        w.setWidth("560px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        List<WarehouseData> centres = screens.stock.warehouses(context.user()).stream().filter(x -> "CENTRE".equals(x.kind())).toList();
        ComboBox<WarehouseData> warehouse = new ComboBox<>(msg.get("partsOrder.for"), centres);
        warehouse.setId("parts-order-warehouse");
        warehouse.setWidth("100%");
        warehouse.setItemCaptionGenerator(x -> x.code() + " · " + x.name());
        if (centres.size() == 1) {
            warehouse.setValue(centres.get(0));
        }
        form.addComponent(warehouse);
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("warehouseId", warehouse);
        List<TextField[]> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            TextField part = Fields.text(i == 0 ? msg.get("part.number") : null, "parts-order-part-" + i);
            TextField quantity = Fields.text(i == 0 ? msg.get("part.quantity") : null, "parts-order-quantity-" + i);
            quantity.setWidth("90px");
            lines.add(new TextField[] { part, quantity });
            HorizontalLayout row = new HorizontalLayout(part, quantity);
            form.addComponent(row);
            fields.put("lines[" + i + "].partNumber", part);
            fields.put("lines[" + i + "].quantity", quantity);
        }
        fields.put("lines", lines.get(0)[0]);
        TextField note = Fields.text(msg.get("action.note"), "parts-order-note");
        fields.put("note", note);
        Button save = new Button(msg.get("partsOrder.submit"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                List<OrderLineInput> in = new ArrayList<>();
                for (TextField[] l : lines) {
                    if (Fields.typed(l[0].getValue()) != null || Fields.typed(l[1].getValue()) != null) {
                        in.add(new OrderLineInput(Fields.typed(l[0].getValue()), RepairUi.quantity(msg, l[1], fields)));
                    }
                }
                PartsOrderData o = screens.partsOrders.submit(context.user(), new PartsOrderInput(warehouse.getValue() == null ? null : warehouse.getValue().id(),
                        null, null, in, Fields.typed(note.getValue())));
                w.close();
                Feedback.done(msg.get("partsOrder.submitted.done", o.number()));
                CrmSession.navigate(RepairUi.PARTS_ORDERS + "/" + o.id());
            } catch (Fields.InvalidField stop) {
                // the field is marked and the user told
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("parts-order-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(note, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    private void page(PartsOrderData o) {
        Label title = new Label(msg.get("partsOrder.title", o.number(), RepairUi.label(msg, "partsOrderStatus", o.status())));
        title.setId("parts-order-title");
        title.addStyleName(ValoTheme.LABEL_H2);
        HorizontalLayout actions = new HorizontalLayout();
        PartsOrderStatus status = PartsOrderStatus.valueOf(o.status());
        boolean stock = context.user().hasPermission(RepairModule.STOCK);
        boolean write = context.user().hasPermission(RepairModule.WRITE);
        if (stock && status == PartsOrderStatus.SUBMITTED) {
            actions.addComponent(action("parts-order-approve", "partsOrder.approve", o, id -> screens.partsOrders.approve(context.user(), id)));
            actions.addComponent(RepairUi.button("parts-order-reject", msg.get("partsOrder.reject"), () -> NoteWindow.open(msg, msg.get("partsOrder.reject"), "note",
                    reason -> done(screens.partsOrders.reject(context.user(), o.id(), new NoteInput(reason))))));
        }
        if (stock && (status == PartsOrderStatus.APPROVED || status == PartsOrderStatus.PARTIALLY_SHIPPED)) {
            actions.addComponent(action("parts-order-ship", "partsOrder.ship", o, id -> screens.partsOrders.ship(context.user(), id)));
        }
        if (write && (status == PartsOrderStatus.SHIPPED || status == PartsOrderStatus.PARTIALLY_SHIPPED)) {
            actions.addComponent(action("parts-order-receive", "partsOrder.receive", o, id -> screens.partsOrders.receive(context.user(), id)));
        }
        if (write && (status == PartsOrderStatus.SUBMITTED || status == PartsOrderStatus.APPROVED)) {
            actions.addComponent(RepairUi.button("parts-order-cancel", msg.get("partsOrder.cancel"), () -> NoteWindow.open(msg, msg.get("partsOrder.cancel"), "note",
                    reason -> done(screens.partsOrders.cancel(context.user(), o.id(), new NoteInput(reason))))));
        }
        FormLayout details = new FormLayout();
        details.setId("parts-order-details");
        details.addComponent(Fields.readOnly(msg.get("request.centre"), RecordNames.account(screens.customers, context.user(), o.centreAccountId())));
        details.addComponent(Fields.readOnly(msg.get("partsOrder.submitted"), Times.dateTime(o.submittedAt()) + " · " + o.submittedBy()));
        details.addComponent(Fields.readOnly(msg.get("partsOrder.approved"), o.approvedAt() == null ? "" : Times.dateTime(o.approvedAt()) + " · " + o.approvedBy()));
        details.addComponent(Fields.readOnly(msg.get("partsOrder.shipped"), o.shippedAt() == null ? "" : Times.dateTime(o.shippedAt()) + " · " + o.shippedBy()));
        details.addComponent(Fields.readOnly(msg.get("partsOrder.received"), o.receivedAt() == null ? "" : Times.dateTime(o.receivedAt()) + " · " + o.receivedBy()));
        details.addComponent(Fields.readOnly(msg.get("action.note"), o.rejectionReason() != null ? o.rejectionReason() : o.note()));
        Grid<PartsOrderLineData> lines = new Grid<>();
        lines.setId("parts-order-lines");
        lines.setWidth("100%");
        lines.setItems(o.lines());
        lines.setHeightByRows(Math.max(1, Math.min(10, o.lines().size())));
        lines.addColumn(l -> l.partNumber() + " · " + l.partName()).setCaption(msg.get("part.part"));
        lines.addColumn(PartsOrderLineData::ordered).setCaption(msg.get("partsOrder.ordered"));
        lines.addColumn(PartsOrderLineData::shipped).setCaption(msg.get("partsOrder.shippedQty"));
        lines.addColumn(PartsOrderLineData::backorder).setCaption(msg.get("partsOrder.backorder"));
        lines.addColumn(PartsOrderLineData::inTransit).setCaption(msg.get("partsOrder.inTransit"));
        lines.addColumn(PartsOrderLineData::received).setCaption(msg.get("partsOrder.receivedQty"));
        addComponents(RepairUi.link(msg.get("partsOrder.back"), () -> CrmSession.navigate(RepairUi.PARTS_ORDERS)), title, actions, details, lines);
    }

    private Button action(String id, String key, PartsOrderData o, Function<Long, PartsOrderData> apply) {
        Button b = RepairUi.button(id, msg.get(key), () -> {
            try {
                done(apply.apply(o.id()));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of(), msg);
            }
        });
        b.addStyleName(ValoTheme.BUTTON_PRIMARY);
        return b;
    }

    private void done(PartsOrderData o) {
        Feedback.done(msg.get("partsOrder.now", o.number(), RepairUi.label(msg, "partsOrderStatus", o.status())));
        show(String.valueOf(o.id()));
    }
}
