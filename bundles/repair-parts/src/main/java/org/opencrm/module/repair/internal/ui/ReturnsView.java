package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.PartReturnData;
import org.opencrm.module.repair.internal.dto.PartReturnInput;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.dto.ReturnLineData;
import org.opencrm.module.repair.internal.dto.ReturnLineInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.model.ReplacementStatus;
import org.opencrm.module.repair.internal.model.ReturnStatus;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
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
 * Defective parts going back to HQ: a centre picks the parts its approved replacements took out (each linked to its
 * repair order) and ships them; HQ receives and inspects them.
 */
final class ReturnsView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;

    ReturnsView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("part-returns-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        Label title = new Label(msg.get("menu." + RepairUi.RETURNS));
        title.addStyleName(ValoTheme.LABEL_H2);
        ComboBox<ReturnStatus> status = new ComboBox<>(null, List.of(ReturnStatus.values()));
        status.setId("returns-status");
        status.setPlaceholder(msg.get("orders.anyStatus"));
        status.setItemCaptionGenerator(s -> msg.label("returnStatus", s));
        ConfigurableFilterDataProvider<PartReturnData, Void, String> rows = PagedData
                .of(page -> screens.returns.search(context.user(), status.getValue() == null ? null : status.getValue().name(), null, page));
        Grid<PartReturnData> grid = new Grid<>(rows);
        grid.setId("returns-grid");
        grid.setWidth("100%");
        grid.addColumn(PartReturnData::number).setCaption(msg.get("return.number")).setWidth(120);
        grid.addColumn(r -> RepairUi.label(msg, "returnStatus", r.status())).setCaption(msg.get("order.status"));
        grid.addColumn(r -> RecordNames.account(screens.customers, context.user(), r.centreAccountId())).setCaption(msg.get("request.centre"));
        grid.addColumn(r -> r.lines().size()).setCaption(msg.get("return.parts")).setWidth(90);
        grid.addColumn(r -> Fields.shown(r.trackingNumber())).setCaption(msg.get("return.tracking"));
        grid.addColumn(r -> Times.dateTime(r.shippedAt()) + " · " + r.shippedBy()).setCaption(msg.get("partsOrder.shipped"));
        grid.addColumn(r -> r.receivedAt() == null ? "" : Times.dateTime(r.receivedAt()) + " · " + r.receivedBy() + " · " + Fields.shown(r.inspection()))
                .setCaption(msg.get("partsOrder.received"));
        Grid<ReturnLineData> lines = new Grid<>();
        lines.setId("returns-lines");
        lines.setCaption(msg.get("return.parts"));
        lines.setWidth("100%");
        lines.setHeight("200px");
        RecordLinks.column(lines, l -> Records.number("RO", l.repairOrderId()), l -> RepairUi.ORDERS + "/" + l.repairOrderId(), "return-order",
                l -> l.repairOrderId() + "-" + l.partId()).setCaption(msg.get("order.number"));
        lines.addColumn(ReturnLineData::partNumber).setCaption(msg.get("part.number"));
        lines.addColumn(l -> Fields.shown(l.serial())).setCaption(msg.get("replacement.removedSerial"));
        grid.addSelectionListener(e -> lines.setItems(e.getFirstSelectedItem().map(PartReturnData::lines).orElse(List.of())));
        status.addValueChangeListener(e -> rows.refreshAll());
        HorizontalLayout bar = new HorizontalLayout(status);
        if (context.user().hasPermission(RepairModule.WRITE)) {
            Button create = RepairUi.button("returns-new", msg.get("return.new"), () -> newReturn(rows::refreshAll));
            create.addStyleName(ValoTheme.BUTTON_PRIMARY);
            bar.addComponent(create);
        }
        if (context.user().hasPermission(RepairModule.STOCK)) {
            bar.addComponent(RepairUi.button("returns-receive", msg.get("return.receive"), () -> grid.getSelectedItems().stream().findFirst()
                    .ifPresentOrElse(r -> NoteWindow.open(msg, msg.get("return.receive") + " · " + r.number(), "note", inspection -> {
                        screens.returns.receive(context.user(), r.id(), new NoteInput(inspection));
                        Feedback.done(msg.get("return.received", r.number()));
                        rows.refreshAll();
                    }), () -> Feedback.error(msg.get("approvals.pick")))));
        }
        addComponents(title, bar, grid, lines);
    }

    /** A shipment of the parts the centre's approved replacements took out (their removed serials), picked from a list. */
    private void newReturn(Runnable done) {
        Window w = new Window(msg.get("return.new"));
        w.setModal(true);
        w.setWidth("720px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        List<WarehouseData> centres = screens.stock.warehouses(context.user()).stream().filter(x -> "CENTRE".equals(x.kind())).toList();
        ComboBox<WarehouseData> warehouse = new ComboBox<>(msg.get("return.from"), centres);
        warehouse.setId("return-warehouse");
        warehouse.setWidth("100%");
        warehouse.setItemCaptionGenerator(x -> x.code() + " · " + x.name());
        Grid<ReplacementData> parts = new Grid<>();
        parts.setId("return-parts");
        parts.setCaption(msg.get("return.pick"));
        parts.setWidth("100%");
        parts.setHeight("240px");
        parts.setSelectionMode(Grid.SelectionMode.MULTI);
        parts.addColumn(r -> Records.number("RO", r.repairOrderId())).setCaption(msg.get("order.number"));
        parts.addColumn(r -> r.partNumber() + " · " + r.partName()).setCaption(msg.get("part.part"));
        parts.addColumn(r -> Fields.shown(r.removedSerial())).setCaption(msg.get("replacement.removedSerial"));
        parts.addColumn(r -> Times.dateTime(r.decidedAt())).setCaption(msg.get("replacement.decided"));
        warehouse.addValueChangeListener(e -> parts.setItems(e.getValue() == null ? List.of()
                : screens.replacements.search(context.user(), ReplacementStatus.APPROVED.name(), null, new PageRequest(null, 0, PageRequest.MAX_LIMIT)).items()
                        .stream().filter(r -> r.warehouseId() == e.getValue().id()).toList()));
        if (centres.size() == 1) {
            warehouse.setValue(centres.get(0));
        }
        TextField tracking = Fields.text(msg.get("return.tracking"), "return-tracking");
        TextField note = Fields.text(msg.get("action.note"), "return-note");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("warehouseId", warehouse);
        fields.put("lines", parts);
        fields.put("trackingNumber", tracking);
        fields.put("note", note);
        Button save = new Button(msg.get("return.ship"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                List<ReturnLineInput> lines = parts.getSelectedItems().stream()
                        .map(r -> new ReturnLineInput(r.repairOrderId(), r.partNumber(), r.removedSerial(), r.id())).toList();
                PartReturnData r = screens.returns.create(context.user(), new PartReturnInput(warehouse.getValue() == null ? null : warehouse.getValue().id(), null,
                        Fields.typed(tracking.getValue()), Fields.typed(note.getValue()), lines));
                w.close();
                Feedback.done(msg.get("return.shipped", r.number(), r.lines().size()));
                done.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("return-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(warehouse, parts, tracking, note, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }
}
