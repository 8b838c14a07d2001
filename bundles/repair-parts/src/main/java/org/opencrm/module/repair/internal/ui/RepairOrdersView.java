package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.util.List;
import java.util.Map;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.internal.service.FaultCodeService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The workshop's repair orders (newest first, by status, order number or IMEI) and one order's page at {@code #!repair-orders/<id>}. */
final class RepairOrdersView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;

    RepairOrdersView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("repair-orders-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters.isEmpty()) {
            list();
            return;
        }
        RepairUi.showRecord(this, msg, parameters, "RO", id -> addComponent(new RepairOrderPage(screens, context, screens.orders.get(context.user(), id))),
                "order.notFound", RepairUi.ORDERS);
    }

    private void list() {
        Label title = new Label(msg.get("menu." + RepairUi.ORDERS));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField search = new TextField();
        search.setId("orders-search");
        search.setPlaceholder(msg.get("orders.searchHint"));
        search.setWidth("280px");
        ComboBox<RepairStatus> status = new ComboBox<>(null, List.of(RepairStatus.values()));
        status.setId("orders-status");
        status.setPlaceholder(msg.get("orders.anyStatus"));
        status.setItemCaptionGenerator(s -> msg.label("orderStatus", s));
        Label total = new Label();
        total.setId("orders-total");
        total.addStyleName(ValoTheme.LABEL_LIGHT);
        ConfigurableFilterDataProvider<RepairOrderData, Void, String> rows = PagedData.of(page -> {
            var result = screens.orders.search(context.user(),
                    new RepairOrderSearch(null, status.getValue() == null ? null : status.getValue().name(), null, null, null, null), page);
            total.setValue(msg.get("orders.total", result.total()));
            return result;
        });
        Grid<RepairOrderData> grid = ordersGrid(screens, context, msg, rows);
        grid.setId("orders-grid");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> rows.setFilter(Fields.typed(e.getValue())));
        status.addValueChangeListener(e -> rows.refreshAll());
        Button receive = new Button(msg.get("order.receive"),
                e -> ReceiveForm.open(screens, context, null, order -> CrmSession.navigate(RepairUi.ORDERS + "/" + order.id())));
        receive.setId("orders-receive");
        receive.addStyleName(ValoTheme.BUTTON_PRIMARY);
        receive.setVisible(context.user().hasPermission(RepairModule.WRITE));
        HorizontalLayout bar = new HorizontalLayout(search, status, receive);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        addComponents(title, bar, total, grid);
        search.focus();
    }

    /** The grid of repair orders the list and the "Repairs" tabs share; a click opens the order. */
    static Grid<RepairOrderData> ordersGrid(RepairScreens screens, UiContext context, Messages msg,
            com.vaadin.data.provider.DataProvider<RepairOrderData, ?> rows) {
        Grid<RepairOrderData> grid = new Grid<>();
        grid.setDataProvider(rows);
        grid.setWidth("100%");
        RecordLinks.column(grid, RepairOrderData::number, o -> RepairUi.ORDERS + "/" + o.id(), "order-link", RepairOrderData::id).setCaption(msg.get("order.number")).setWidth(120);
        grid.addColumn(o -> RepairUi.label(msg, "orderStatus", o.status())).setCaption(msg.get("order.status"));
        grid.addColumn(o -> Times.dateTime(o.receivedAt())).setCaption(msg.get("order.receivedAt")).setWidth(150);
        grid.addColumn(o -> Fields.shown(o.imei() != null ? o.imei() : o.serialNumber())).setCaption(msg.get("request.device"));
        grid.addColumn(o -> Fields.shown(o.modelCode())).setCaption(msg.get("request.model"));
        grid.addColumn(o -> msg.get(o.inWarranty() ? "order.warrantyYes" : "order.warrantyNo")).setCaption(msg.get("order.inWarranty"));
        Map<String, String> faultNames = screens.faultCodes.names(context.user(), msg.locale());
        grid.addColumn(o -> FaultCodeService.shown(faultNames, o.faultCode())).setCaption(msg.get("order.faultCode"));
        grid.addColumn(o -> RecordNames.account(screens.customers, context.user(), o.centreAccountId())).setCaption(msg.get("request.centre"));
        grid.addColumn(o -> Fields.shown(o.technician())).setCaption(msg.get("order.technician"));
        return grid;
    }
}
