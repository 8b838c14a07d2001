package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.MovementData;
import org.opencrm.module.repair.internal.dto.PartData;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.StockLevel;
import org.opencrm.module.repair.internal.dto.TransferInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Parts and stock: the catalogue (part number, name, the models it fits, cost, price) and the stock of each warehouse
 * the user may see with its ledger; receipts, adjustments and transfers for the warehouse staff.
 */
final class PartsView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;

    PartsView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("parts-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        Label title = new Label(msg.get("menu." + RepairUi.PARTS));
        title.addStyleName(ValoTheme.LABEL_H2);
        TabSheet tabs = new TabSheet();
        tabs.setId("parts-tabs");
        tabs.addTab(stock(), msg.get("stock.title"));
        tabs.addTab(catalogue(), msg.get("part.catalogue"));
        addComponents(title, tabs);
    }

    // ---------------------------------------------------------------- catalogue

    private VerticalLayout catalogue() {
        VerticalLayout box = new VerticalLayout();
        box.setMargin(false);
        TextField search = new TextField();
        search.setId("parts-search");
        search.setPlaceholder(msg.get("part.searchHint"));
        search.setWidth("260px");
        TextField model = new TextField();
        model.setId("parts-model");
        model.setPlaceholder(msg.get("part.modelHint"));
        ConfigurableFilterDataProvider<PartData, Void, String> rows = PagedData
                .of(page -> screens.parts.search(context.user(), page.query(), Fields.typed(model.getValue()), page));
        Grid<PartData> grid = new Grid<>(rows);
        grid.setId("parts-grid");
        grid.setWidth("100%");
        grid.addColumn(PartData::partNumber).setCaption(msg.get("part.number"));
        grid.addColumn(PartData::name).setCaption(msg.get("part.name"));
        grid.addColumn(p -> String.join(", ", p.models())).setCaption(msg.get("part.models"));
        grid.addColumn(p -> RepairUi.money(p.cost())).setCaption(msg.get("part.cost"));
        grid.addColumn(p -> RepairUi.money(p.price())).setCaption(msg.get("part.price"));
        grid.addColumn(p -> p.active() ? "" : msg.get("part.inactive")).setCaption("");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> rows.setFilter(Fields.typed(e.getValue())));
        model.setValueChangeMode(ValueChangeMode.LAZY);
        model.addValueChangeListener(e -> rows.refreshAll());
        HorizontalLayout bar = new HorizontalLayout(search, model);
        if (context.user().hasPermission(RepairModule.ADMIN)) {
            Button add = new Button(msg.get("part.new"), e -> partForm(null, rows::refreshAll));
            add.setId("parts-new");
            bar.addComponent(add);
            grid.addItemClickListener(e -> partForm(e.getItem(), rows::refreshAll));
        }
        box.addComponents(bar, grid);
        return box;
    }

    private void partForm(PartData existing, Runnable saved) {
        Window w = new Window(existing == null ? msg.get("part.new") : existing.partNumber());
        w.setModal(true);
        w.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField number = Fields.text(msg.get("part.number"), "part-number");
        TextField name = Fields.text(msg.get("part.name"), "part-name");
        TextField models = Fields.text(msg.get("part.models"), "part-models");
        models.setPlaceholder(msg.get("part.modelsHint"));
        TextField cost = Fields.text(msg.get("part.cost"), "part-cost");
        TextField price = Fields.text(msg.get("part.price"), "part-price");
        if (existing != null) {
            number.setValue(existing.partNumber());
            number.setReadOnly(true);
            name.setValue(existing.name());
            models.setValue(String.join(", ", existing.models()));
            cost.setValue(existing.cost() == null ? "" : existing.cost().toPlainString());
            price.setValue(existing.price() == null ? "" : existing.price().toPlainString());
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("partNumber", number);
        fields.put("name", name);
        fields.put("models", models);
        fields.put("cost", cost);
        fields.put("price", price);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                List<String> fits = Arrays.stream(models.getValue().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
                PartInput in = new PartInput(number.getValue(), name.getValue(), fits, RepairUi.amount(msg, cost, fields), RepairUi.amount(msg, price, fields), null,
                        existing == null ? null : existing.version());
                PartData p = existing == null ? screens.parts.create(context.user(), in) : screens.parts.update(context.user(), existing.id(), in);
                w.close();
                Feedback.done(msg.get("part.saved", p.partNumber()));
                saved.run();
            } catch (Fields.InvalidField stop) {
                // the field is marked and the user told
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("part-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(number, name, models, cost, price, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    // ---------------------------------------------------------------- stock

    private VerticalLayout stock() {
        VerticalLayout box = new VerticalLayout();
        box.setMargin(false);
        List<WarehouseData> warehouses = screens.stock.warehouses(context.user());
        ComboBox<WarehouseData> warehouse = new ComboBox<>(msg.get("stock.warehouse"), warehouses);
        warehouse.setId("stock-warehouse");
        warehouse.setWidth("340px");
        warehouse.setItemCaptionGenerator(w -> w.code() + " · " + w.name() + " (" + RepairUi.label(msg, "warehouseKind", w.kind()) + ")");
        warehouse.setEmptySelectionAllowed(false);
        Grid<StockLevel> levels = new Grid<>();
        levels.setId("stock-grid");
        levels.setWidth("100%");
        levels.setHeight("300px");
        levels.addColumn(StockLevel::partNumber).setCaption(msg.get("part.number"));
        levels.addColumn(StockLevel::partName).setCaption(msg.get("part.name"));
        levels.addColumn(StockLevel::quantity).setCaption(msg.get("part.quantity"));
        Grid<MovementData> ledger = new Grid<>();
        ledger.setId("stock-ledger");
        ledger.setCaption(msg.get("stock.ledger"));
        ledger.setWidth("100%");
        ledger.setHeight("300px");
        ledger.addColumn(m -> Times.dateTime(m.at())).setCaption(msg.get("step.at")).setWidth(150);
        ledger.addColumn(MovementData::partNumber).setCaption(msg.get("part.number"));
        ledger.addColumn(m -> RepairUi.label(msg, "movement", m.kind())).setCaption(msg.get("stock.movement"));
        ledger.addColumn(m -> (m.quantity() > 0 ? "+" : "") + m.quantity()).setCaption(msg.get("part.quantity")).setWidth(90);
        ledger.addColumn(MovementData::balanceAfter).setCaption(msg.get("stock.balanceAfter")).setWidth(110);
        ledger.addColumn(m -> m.refType() == null ? "" : m.refType() + " " + m.refId()).setCaption(msg.get("stock.reference"));
        ledger.addColumn(m -> Fields.shown(m.note())).setCaption(msg.get("action.note"));
        ledger.addColumn(MovementData::actor).setCaption(msg.get("step.actor"));
        Runnable refresh = () -> {
            WarehouseData w = warehouse.getValue();
            if (w == null) {
                return;
            }
            levels.setDataProvider(PagedData.of(page -> screens.stock.levels(context.user(), w.id(), page)));
            ledger.setDataProvider(PagedData.of(page -> screens.stock.movements(context.user(), w.id(), null, page)));
        };
        warehouse.addValueChangeListener(e -> refresh.run());
        HorizontalLayout bar = new HorizontalLayout(warehouse);
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        if (context.user().hasPermission(RepairModule.STOCK)) {
            bar.addComponent(RepairUi.button("stock-receive", msg.get("stock.receive"), () -> movement(warehouse.getValue(), "receive", refresh)));
            bar.addComponent(RepairUi.button("stock-adjust", msg.get("stock.adjust"), () -> movement(warehouse.getValue(), "adjust", refresh)));
            bar.addComponent(RepairUi.button("stock-transfer", msg.get("stock.transfer"), () -> transfer(warehouse.getValue(), warehouses, refresh)));
        }
        if (!warehouses.isEmpty()) {
            warehouse.setValue(warehouses.get(0));
        }
        box.addComponents(bar, levels, ledger);
        return box;
    }

    /** A receipt (quantity > 0) or an adjustment (± with a note) in the selected warehouse. */
    private void movement(WarehouseData w, String kind, Runnable done) {
        if (w == null) {
            Feedback.error(msg.get("stock.pickWarehouse"));
            return;
        }
        Window win = new Window(msg.get("stock." + kind) + " · " + w.code());
        win.setModal(true);
        win.setWidth("460px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField part = Fields.text(msg.get("part.number"), "movement-part");
        TextField quantity = Fields.text(msg.get("part.quantity"), "movement-quantity");
        if ("adjust".equals(kind)) {
            quantity.setPlaceholder(msg.get("stock.adjustHint"));
        }
        TextField note = Fields.text(msg.get("action.note"), "movement-note");
        Map<String, AbstractComponent> fields = Map.of("partNumber", part, "quantity", quantity, "note", note);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                StockInput in = new StockInput(w.id(), Fields.typed(part.getValue()), RepairUi.quantity(msg, quantity, fields), Fields.typed(note.getValue()));
                Runnable book = () -> {
                    try {
                        MovementData m = "adjust".equals(kind) ? screens.stock.adjust(context.user(), in) : screens.stock.receive(context.user(), in);
                        win.close();
                        Feedback.done(msg.get("stock.booked", m.partNumber(), m.balanceAfter()));
                        done.run();
                    } catch (RuntimeException ex) {
                        Feedback.failed(ex, fields, msg);
                    }
                };
                if ("adjust".equals(kind) && in.quantity() != null && in.quantity() < 0) {
                    // a write-off takes parts out of the books for good: say how many of what, from where, and ask
                    org.opencrm.ui.Confirm.ask("movement-writeoff-confirm", msg.get("stock.writeOff.confirmTitle"),
                            msg.get("stock.writeOff.confirmText", -in.quantity(), in.partNumber(), w.code() + " · " + w.name()), msg.get("stock.writeOff.confirm"), book);
                } else {
                    book.run();
                }
            } catch (Fields.InvalidField stop) {
                // the field is marked and the user told
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("movement-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(part, quantity, note, save);
        win.setContent(form);
        UI.getCurrent().addWindow(win);
        part.focus();
    }

    private void transfer(WarehouseData from, List<WarehouseData> warehouses, Runnable done) {
        if (from == null) {
            Feedback.error(msg.get("stock.pickWarehouse"));
            return;
        }
        Window win = new Window(msg.get("stock.transfer") + " · " + from.code());
        win.setModal(true);
        win.setWidth("480px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        ComboBox<WarehouseData> to = new ComboBox<>(msg.get("stock.to"), warehouses.stream().filter(w -> w.id() != from.id()).toList());
        to.setId("transfer-to");
        to.setItemCaptionGenerator(w -> w.code() + " · " + w.name());
        TextField part = Fields.text(msg.get("part.number"), "transfer-part");
        TextField quantity = Fields.text(msg.get("part.quantity"), "transfer-quantity");
        TextField note = Fields.text(msg.get("action.note"), "transfer-note");
        Map<String, AbstractComponent> fields = Map.of("toWarehouseId", to, "partNumber", part, "quantity", quantity, "note", note);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                screens.stock.transfer(context.user(), new TransferInput(from.id(), to.getValue() == null ? null : to.getValue().id(), Fields.typed(part.getValue()),
                        RepairUi.quantity(msg, quantity, fields), Fields.typed(note.getValue())));
                win.close();
                Feedback.done(msg.get("stock.transferred"));
                done.run();
            } catch (Fields.InvalidField stop) {
                // the field is marked and the user told
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("transfer-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(to, part, quantity, note, save);
        win.setContent(form);
        UI.getCurrent().addWindow(win);
    }
}
