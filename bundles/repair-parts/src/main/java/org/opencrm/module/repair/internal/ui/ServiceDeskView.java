package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.BaseMenuEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NewServiceRequest;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.RouteRequest;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.module.repair.internal.dto.ServiceRequestSearch;
import org.opencrm.module.repair.internal.model.RequestChannel;
import org.opencrm.module.repair.internal.model.RequestStatus;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.CustomerFields;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The service desk: the queue of open service requests, the earliest due (so the overdue ones) first, and one
 * request's page at {@code #!service-desk/<id>} with routing, receiving the device as a repair order, closing.
 */
final class ServiceDeskView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;

    ServiceDeskView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("service-desk-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters.isEmpty()) {
            queue();
            return;
        }
        RepairUi.showRecord(this, msg, parameters, "SR", id -> page(screens.requests.get(context.user(), id)), "request.notFound", RepairUi.DESK);
    }

    private void open(long id) {
        CrmSession.navigate(RepairUi.DESK + "/" + id);
    }

    private void queue() {
        Label title = new Label(msg.get("menu." + RepairUi.DESK));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField search = new TextField();
        search.setId("desk-search");
        search.setPlaceholder(msg.get("desk.searchHint"));
        search.setWidth("280px");
        ComboBox<RequestStatus> status = new ComboBox<>(null, List.of(RequestStatus.values()));
        status.setId("desk-status");
        status.setPlaceholder(msg.get("desk.openOnly"));
        status.setItemCaptionGenerator(s -> msg.label("requestStatus", s));
        CheckBox overdue = new CheckBox(msg.get("desk.overdueOnly"));
        overdue.setId("desk-overdue");
        Label total = new Label();
        total.setId("desk-total");
        total.addStyleName(ValoTheme.LABEL_LIGHT);

        ConfigurableFilterDataProvider<ServiceRequestData, Void, String> rows = PagedData.of(page -> {
            var result = screens.requests.search(context.user(), new ServiceRequestSearch(page.query(), status.getValue() == null ? null : status.getValue().name(),
                    null, null, overdue.getValue() ? Boolean.TRUE : null, null), page);
            total.setValue(msg.get("desk.total", result.total()));
            return result;
        });
        Grid<ServiceRequestData> grid = new Grid<>(rows);
        grid.setId("desk-grid");
        grid.setWidth("100%");
        grid.addColumn(r -> r.overdue() ? "⚠ " + msg.get("desk.overdue") : "").setCaption("").setWidth(110);
        RecordLinks.column(grid, ServiceRequestData::number, x -> RepairUi.DESK + "/" + x.id(), "request-link", ServiceRequestData::id).setCaption(msg.get("request.number")).setWidth(120);
        grid.addColumn(r -> Times.dateTime(r.dueAt())).setCaption(msg.get("request.due")).setWidth(150);
        grid.addColumn(r -> RepairUi.label(msg, "requestStatus", r.status())).setCaption(msg.get("request.status"));
        grid.addColumn(r -> RepairUi.label(msg, "channel", r.channel())).setCaption(msg.get("request.channel"));
        grid.addColumn(r -> RepairUi.customer(screens, context, r.contactId())).setCaption(msg.get("request.customer"));
        grid.addColumn(r -> Fields.shown(r.imei() != null ? r.imei() : r.serialNumber())).setCaption(msg.get("request.device"));
        grid.addColumn(r -> RecordNames.account(screens.customers, context.user(), r.centreAccountId())).setCaption(msg.get("request.centre"));
        grid.addColumn(r -> Fields.shown(r.owner())).setCaption(msg.get("request.owner"));
        grid.addColumn(r -> r.escalationLevel() == 0 ? "" : String.valueOf(r.escalationLevel())).setCaption(msg.get("request.escalation")).setWidth(90);

        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> rows.setFilter(Fields.typed(e.getValue())));
        status.addValueChangeListener(e -> rows.refreshAll());
        overdue.addValueChangeListener(e -> rows.refreshAll());

        Button create = new Button(msg.get("desk.new"), e -> newRequest(null));
        create.setId("desk-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission(RepairModule.WRITE));
        HorizontalLayout bar = new HorizontalLayout(search, status, overdue, create);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        addComponents(title, bar, total, grid);
        search.focus();
    }

    /** A new service request; {@code contactId} when opened from the contact's page. */
    void newRequest(Long contactId) {
        Window w = new Window(msg.get("desk.new"));
        w.setModal(true);
        w.setWidth("580px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        ComboBox<RequestChannel> channel = new ComboBox<>(msg.get("request.channel"), List.of(RequestChannel.values()));
        channel.setId("request-channel");
        channel.setItemCaptionGenerator(c -> msg.label("channel", c));
        channel.setEmptySelectionAllowed(false);
        channel.setValue(RequestChannel.HOTLINE);
        CustomerFields customer = new CustomerFields(screens.customers, context, "request", "customer");
        if (contactId != null) {
            customer.fixed(contactId);
        }
        TextField imei = Fields.text("IMEI", "request-imei");
        TextField serial = Fields.text(msg.get("request.serial"), "request-serial");
        TextField model = Fields.text(msg.get("request.model"), "request-model");
        TextArea description = new TextArea(msg.get("request.description"));
        description.setId("request-description");
        description.setWidth("100%");
        description.setRows(3);
        ComboBox<Long> centre = RepairUi.centrePicker(screens, context, msg.get("request.centre"), "request-centre");
        RecordPicker<String> owner = Pickers.user(screens.users, screens.customers, context, msg.get("request.owner"), "request-owner");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("channel", channel);
        customer.register(fields);
        fields.put("contactId", customer.mobile);
        fields.put("imei", imei);
        fields.put("serialNumber", serial);
        fields.put("modelCode", model);
        fields.put("description", description);
        fields.put("centreAccountId", centre);
        fields.put("owner", owner);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                long contact = contactId != null ? contactId : customer.resolve(centre.getValue());
                ServiceRequestData created = screens.requests.create(context.user(), new NewServiceRequest(channel.getValue(), contact,
                        Fields.typed(imei.getValue()), Fields.typed(serial.getValue()), Fields.typed(model.getValue()), description.getValue(), centre.getValue(),
                        owner.getValue()));
                w.close();
                Feedback.done(msg.get("request.created", created.number(), Times.dateTime(created.dueAt())));
                open(created.id());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("request-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(channel, customer.mobile, customer.found, customer.name, imei, serial, model, description, centre, owner, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
        (contactId == null ? customer.mobile : imei).focus();
    }

    private void page(ServiceRequestData r) {
        Label title = new Label(msg.get("request.title", r.number(), RepairUi.label(msg, "requestStatus", r.status())));
        title.setId("request-title");
        title.addStyleName(ValoTheme.LABEL_H2);
        Label due = new Label(r.overdue() ? msg.get("request.overdueSince", Times.dateTime(r.dueAt())) : msg.get("request.dueAt", Times.dateTime(r.dueAt())));
        due.setId("request-due");
        due.addStyleName(r.overdue() ? ValoTheme.LABEL_FAILURE : ValoTheme.LABEL_LIGHT);

        HorizontalLayout actions = new HorizontalLayout();
        boolean write = context.user().hasPermission(RepairModule.WRITE);
        boolean open = RequestStatus.valueOf(r.status()).isOpen();
        if (write && open) {
            actions.addComponent(RepairUi.button("request-route", msg.get("request.route"), () -> route(r)));
            if (r.repairOrderId() == null) {
                Button receive = RepairUi.button("request-receive", msg.get("request.receive"),
                        () -> ReceiveForm.open(screens, context, r, order -> CrmSession.navigate(RepairUi.ORDERS + "/" + order.id())));
                receive.addStyleName(ValoTheme.BUTTON_PRIMARY);
                actions.addComponent(receive);
            }
            actions.addComponent(RepairUi.button("request-close", msg.get("request.close"), () -> note(r.id(), msg.get("request.close"), "note",
                    note -> screens.requests.close(context.user(), r.id(), new NoteInput(note)))));
            actions.addComponent(RepairUi.button("request-cancel", msg.get("request.cancel"), () -> note(r.id(), msg.get("request.cancel"), "note",
                    note -> screens.requests.cancel(context.user(), r.id(), new NoteInput(note)))));
        }

        FormLayout details = new FormLayout();
        details.setId("request-details");
        details.addComponent(Fields.readOnly(msg.get("request.channel"), RepairUi.label(msg, "channel", r.channel())));
        details.addComponent(RepairUi.customerRow(screens, context, "request-customer", msg.get("request.customer"), r.contactId()));
        details.addComponent(Fields.readOnly(msg.get("request.description"), r.description()));
        details.addComponent(Fields.readOnly("IMEI", r.imei()));
        details.addComponent(Fields.readOnly(msg.get("request.serial"), r.serialNumber()));
        details.addComponent(Fields.readOnly(msg.get("request.model"), r.modelCode()));
        details.addComponent(Fields.readOnly(msg.get("request.centre"), RecordNames.account(screens.customers, context.user(), r.centreAccountId())));
        details.addComponent(Fields.readOnly(msg.get("request.owner"), r.owner()));
        details.addComponent(Fields.readOnly(msg.get("request.escalation"), r.escalationLevel() == 0 ? msg.get("request.notEscalated")
                : msg.get("request.escalated", r.escalationLevel(), Times.dateTime(r.escalatedAt()))));
        details.addComponent(Fields.readOnly(msg.get("request.opened"), Times.dateTime(r.createdAt()) + " · " + r.createdBy()));
        if (r.closedAt() != null) {
            details.addComponent(Fields.readOnly(msg.get("request.closed"), Times.dateTime(r.closedAt()) + " · " + r.closedBy() + " · " + Fields.shown(r.resolution())));
        }
        if (r.repairOrderId() != null) {
            details.addComponent(RepairUi.linkRow("request-repair-order", msg.get("request.repairOrderCaption"), Records.number("RO", r.repairOrderId()),
                    () -> CrmSession.navigate(RepairUi.ORDERS + "/" + r.repairOrderId())));
        }
        addComponents(RepairUi.link(msg.get("desk.back"), () -> CrmSession.navigate(RepairUi.DESK)), title, due, actions, details);
    }

    private void route(ServiceRequestData r) {
        Window w = new Window(msg.get("request.route") + " · " + r.number());
        w.setModal(true);
        w.setWidth("480px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        ComboBox<Long> centre = RepairUi.centrePicker(screens, context, msg.get("request.centre"), "route-centre");
        if (r.centreAccountId() != null) {
            centre.setValue(r.centreAccountId());
        }
        RecordPicker<String> owner = Pickers.user(screens.users, screens.customers, context, msg.get("request.owner"), "route-owner");
        owner.setValue(r.owner());
        Map<String, AbstractComponent> fields = Map.of("centreAccountId", centre, "owner", owner);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                screens.requests.route(context.user(), r.id(), new RouteRequest(centre.getValue(), owner.getValue(), r.version()));
                w.close();
                Feedback.done(msg.get("request.routed", r.number()));
                show(String.valueOf(r.id()));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("route-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(centre, owner, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    /** Asks for the note of a close or cancel, applies it and shows the request again. */
    private void note(long id, String title, String field, Consumer<String> apply) {
        NoteWindow.open(msg, title, field, note -> {
            apply.accept(note);
            Feedback.done(msg.get("action.done"));
            show(String.valueOf(id));
        });
    }
}
