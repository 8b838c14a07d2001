package org.opencrm.module.channel.internal.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.InvoiceData;
import org.opencrm.module.channel.internal.dto.LedgerData;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.dto.ReasonInput;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.module.channel.internal.service.StatementFormats;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The partner list (grade, credit limit, available credit, overdue, status; search as you type) and, for a deep link
 * {@code channel-partners/<accountId>}, the partner's page: profile, credit, orders (approve, ship, cancel), receivables
 * with aging, the statement (printable and CSV), rebates and the history of its terms.
 */
final class PartnersView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient ChannelServices services;
    private final transient UiContext context;
    private final Messages msg;

    PartnersView(ChannelServices services, UiContext context) {
        this.services = services;
        this.context = context;
        this.msg = ChannelUi.messages(context.locale());
        setId("channel-partners");
        show("");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters == null || parameters.isBlank()) {
            list();
            return;
        }
        try {
            page(Long.parseLong(parameters.strip()));
        } catch (NumberFormatException | RecordNotFoundException e) {
            addComponent(new Label(msg.get("partner.notFound", parameters)));
        }
    }

    private void list() {
        Label title = new Label(msg.get("menu.partners"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField search = Fields.text(null, "channel-partners-search");
        search.setPlaceholder(msg.get("partners.search"));
        Grid<PartnerData> grid = new Grid<>();
        grid.setId("channel-partners-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, PartnerData::accountName, p -> PartnersEntry.ID + "/" + p.accountId(), "channel-partner", PartnerData::accountId)
                .setCaption(msg.get("partner.name"));
        grid.addColumn(p -> ChannelUi.grade(msg, p.grade())).setCaption(msg.get("partner.grade"));
        grid.addColumn(p -> ChannelUi.yuan(p.creditLimit())).setCaption(msg.get("partner.limit"));
        grid.addColumn(p -> ChannelUi.yuan(p.credit().available())).setCaption(msg.get("credit.available"));
        grid.addColumn(p -> ChannelUi.yuan(p.credit().overdue())).setCaption(msg.get("credit.overdue"));
        grid.addColumn(p -> msg.get("status." + p.creditStatus())).setCaption(msg.get("partner.status"));
        ConfigurableFilterDataProvider<PartnerData, Void, String> data = PagedData.of(r -> services.partners().list(context.user(), r, null, null));
        grid.setDataProvider(data);
        search.addValueChangeListener(e -> data.setFilter(Fields.typed(e.getValue())));
        HorizontalLayout bar = new HorizontalLayout(search);
        if (context.user().hasPermission(ChannelModule.ORDER)) {
            Button order = new Button(msg.get("order.new"), e -> OrderWindow.open(services, context, null, o -> data.refreshAll()));
            order.setId("channel-order-new");
            bar.addComponent(order);
        }
        addComponents(title, bar, grid);
    }

    private void page(long accountId) {
        PartnerData p = services.partners().get(context.user(), accountId, context.locale());
        Button back = new Button(msg.get("partner.back"), e -> CrmSession.navigate(PartnersEntry.ID));
        back.addStyleName(ValoTheme.BUTTON_LINK);
        Label title = new Label(p.accountName());
        title.addStyleName(ValoTheme.LABEL_H2);
        title.setId("channel-partner-title");
        // two captioned columns (the partner, its credit) side by side on a laptop, one below the other on a phone; a CssLayout
        // of captioned labels alone shows no captions and runs the values together
        FormLayout partner = new FormLayout(Fields.readOnly(msg.get("partner.channelType"), msg.get("channelType." + p.channelType())),
                Fields.readOnly(msg.get("partner.grade"), ChannelUi.grade(msg, p.grade()) + (p.gradeFixed() ? " " + msg.get("partner.gradeFixed") : "")),
                Fields.readOnly(msg.get("partner.term"), msg.get("term." + p.term()) + " (" + msg.get("partner.termDays", p.termDays()) + ")"),
                Fields.readOnly(msg.get("partner.status"), msg.get("status." + p.creditStatus()) + (p.creditStatusReason() == null ? "" : " — " + p.creditStatusReason())),
                Fields.readOnly(msg.get("partner.sellIn"), ChannelUi.yuan(p.trailingSellIn())));
        FormLayout credit = new FormLayout(Fields.readOnly(msg.get("partner.limit"), ChannelUi.yuan(p.credit().limit())),
                Fields.readOnly(msg.get("credit.receivables"), ChannelUi.yuan(p.credit().receivables())),
                Fields.readOnly(msg.get("credit.pending"), ChannelUi.yuan(p.credit().pendingOrders())),
                Fields.readOnly(msg.get("credit.available"), ChannelUi.yuan(p.credit().available())),
                Fields.readOnly(msg.get("credit.overdue"), ChannelUi.yuan(p.credit().overdue())));
        partner.setWidthUndefined();
        credit.setWidthUndefined();
        partner.setMargin(false);
        credit.setMargin(false);
        partner.addStyleName("crm-facts");
        credit.addStyleName("crm-facts");
        CssLayout profile = new CssLayout(partner, credit);
        profile.setId("channel-partner-profile");
        profile.setWidth("100%");
        HorizontalLayout actions = new HorizontalLayout();
        if (context.user().hasPermission(ChannelModule.ORDER)) {
            Button order = new Button(msg.get("order.new"), e -> OrderWindow.open(services, context, accountId, o -> show(Long.toString(accountId))));
            order.setId("channel-partner-order");
            actions.addComponent(order);
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("channel-partner-tabs");
        tabs.addTab(orders(accountId), msg.get("partner.orders"));
        tabs.addTab(receivables(accountId), msg.get("partner.receivables"));
        tabs.addTab(statement(accountId), msg.get("partner.statement"));
        Grid<org.opencrm.module.channel.internal.dto.RebateResultData> rebates = new Grid<>();
        rebates.setWidth("100%");
        ChannelUi.rebateColumns(rebates, msg);
        rebates.setItems(services.rebates().forPartner(context.user(), accountId));
        tabs.addTab(rebates, msg.get("partner.rebates"));
        Grid<org.opencrm.module.channel.internal.dto.HistoryData> history = new Grid<>();
        history.setWidth("100%");
        history.addColumn(h -> Times.dateTime(h.at())).setCaption(msg.get("history.at"));
        history.addColumn(h -> msg.get("history." + h.kind())).setCaption(msg.get("history.kind"));
        history.addColumn(h -> h.fromValue() == null ? "" : h.fromValue()).setCaption(msg.get("history.from"));
        history.addColumn(h -> h.toValue()).setCaption(msg.get("history.to"));
        history.addColumn(h -> h.reason()).setCaption(msg.get("history.reason"));
        history.addColumn(h -> h.actor()).setCaption(msg.get("history.actor"));
        history.setItems(services.partners().history(context.user(), accountId, PageRequest.of(null, 0, 200), context.locale()).items());
        tabs.addTab(history, msg.get("partner.history"));
        addComponents(back, title, profile, actions, tabs);
    }

    private Component orders(long accountId) {
        Grid<OrderData> grid = new Grid<>();
        grid.setId("channel-partner-orders");
        grid.setWidth("100%");
        grid.addColumn(OrderData::number).setCaption(msg.get("order.number"));
        grid.addColumn(o -> Times.dateTime(o.submittedAt())).setCaption(msg.get("order.submittedAt"));
        grid.addColumn(o -> msg.get("orderStatus." + o.status())).setCaption(msg.get("order.status"));
        grid.addColumn(o -> ChannelUi.yuan(o.total())).setCaption(msg.get("order.total"));
        grid.addColumn(o -> ChannelUi.yuan(o.shipped())).setCaption(msg.get("order.shipped"));
        grid.addColumn(o -> o.overrideReason() == null ? "" : o.overrideReason()).setCaption(msg.get("order.override"));
        grid.setItems(services.orders().list(context.user(), accountId, null, PageRequest.of(null, 0, 200)).items());
        HorizontalLayout bar = new HorizontalLayout();
        // a refusal of the approval's credit check, said in words as the order window says it (and in the notification)
        Label refusal = new Label();
        refusal.setId("channel-order-approve-refusal");
        refusal.addStyleName(ValoTheme.LABEL_FAILURE);
        refusal.setWidth("100%");
        refusal.setVisible(false);
        if (context.user().hasPermission(ChannelModule.APPROVE)) {
            // approval checks the credit again: an order let through with an override at submission needs a reason again
            TextField override = Fields.text(null, "channel-order-approve-override");
            override.setPlaceholder(msg.get("order.approveOverride"));
            override.setWidth("22em");
            override.setVisible(context.user().hasPermission(ChannelModule.CREDIT_OVERRIDE));
            Button approve = new Button(msg.get("order.approve"), e -> act(grid, refusal,
                    o -> services.orders().approve(context.user(), o.id(), new ReasonInput(Fields.typed(override.getValue()))), accountId));
            approve.setId("channel-order-approve");
            // everything open at once; an order with serialised products (handset models) needs their IMEIs: the shipment dialog
            Button ship = new Button(msg.get("order.shipAll"), e -> {
                OrderData o = grid.asSingleSelect().getValue();
                try {
                    OrderData full = o == null ? null : services.orders().get(context.user(), o.id());
                    if (full != null && ShipmentWindow.needsSerials(full)) {
                        ShipmentWindow.open(services, context, full, () -> show(Long.toString(accountId)));
                        return;
                    }
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, java.util.Map.of(), msg);
                    return;
                }
                act(grid, refusal, x -> services.orders().ship(context.user(), x.id(), null), accountId);
            });
            ship.setId("channel-order-ship");
            // a partial shipment, or one listing the IMEIs shipped
            Button shipLines = new Button(msg.get("order.ship"), e -> {
                OrderData o = grid.asSingleSelect().getValue();
                if (o == null) {
                    Feedback.error(msg.get("order.pick"));
                    return;
                }
                try {
                    ShipmentWindow.open(services, context, services.orders().get(context.user(), o.id()), () -> show(Long.toString(accountId)));
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, java.util.Map.of(), msg);
                }
            });
            shipLines.setId("channel-order-ship-lines");
            bar.addComponents(override, approve, ship, shipLines);
        }
        if (context.user().hasPermission(ChannelModule.ORDER)) {
            TextField reason = Fields.text(null, "channel-order-cancel-reason");
            reason.setPlaceholder(msg.get("order.cancelReason"));
            Button cancel = new Button(msg.get("order.cancel"), e -> act(grid, refusal,
                    o -> services.orders().cancel(context.user(), o.id(), new ReasonInput(reason.getValue())), accountId));
            cancel.setId("channel-order-cancel");
            bar.addComponents(reason, cancel);
        }
        return new VerticalLayout(bar, refusal, grid);
    }

    private void act(Grid<OrderData> grid, Label refusal, java.util.function.Consumer<OrderData> action, long accountId) {
        refusal.setVisible(false);
        OrderData o = grid.asSingleSelect().getValue();
        if (o == null) {
            Feedback.error(msg.get("order.pick"));
            return;
        }
        try {
            action.accept(o);
            Feedback.done(msg.get("order.done", o.number()));
            show(Long.toString(accountId));
        } catch (org.opencrm.module.channel.internal.service.CreditRefusedException refused) {
            refusal.setValue(OrderWindow.refusal(msg, refused));
            refusal.setVisible(true);
            Feedback.error(refusal.getValue());
        } catch (RuntimeException e) {
            Feedback.failed(e, java.util.Map.of(), msg);
        }
    }

    private Component receivables(long accountId) {
        Grid<InvoiceData> grid = new Grid<>();
        grid.setId("channel-partner-invoices");
        grid.setWidth("100%");
        grid.addColumn(InvoiceData::number).setCaption(msg.get("invoice.number"));
        grid.addColumn(InvoiceData::issuedOn).setCaption(msg.get("invoice.issued"));
        grid.addColumn(InvoiceData::dueOn).setCaption(msg.get("invoice.due"));
        grid.addColumn(i -> ChannelUi.yuan(i.amount())).setCaption(msg.get("invoice.amount"));
        grid.addColumn(i -> ChannelUi.yuan(i.open())).setCaption(msg.get("invoice.open"));
        grid.addColumn(i -> msg.get("agingBucket." + i.aging())).setCaption(msg.get("invoice.aging"));
        grid.setDataProvider(PagedData.of(r -> services.receivables().invoices(context.user(), accountId, false, r)));
        var aging = services.receivables().aging(context.user(), null, accountId, 1);
        // the collection reminders sent for this partner, each said in the user's language (kept as a message key and arguments)
        Grid<String> reminders = new Grid<>();
        reminders.setId("channel-partner-reminders");
        reminders.setCaption(msg.get("partner.reminders"));
        reminders.setWidth("100%");
        reminders.setHeightByRows(4);
        reminders.addColumn(r -> r).setCaption(msg.get("partner.reminder"));
        reminders.setItems(services.receivables().reminders(context.user(), accountId, context.locale()));
        return new VerticalLayout(FinanceView.agingChart(msg, aging.totals()), grid, reminders);
    }

    private Component statement(long accountId) {
        LocalDate today = Times.today();
        DateField from = new DateField(msg.get("statement.from"), today.withDayOfMonth(1));
        DateField to = new DateField(msg.get("statement.to"), today);
        from.setId("channel-statement-from");
        to.setId("channel-statement-to");
        VerticalLayout out = new VerticalLayout();
        out.setMargin(false);
        Button show = new Button(msg.get("statement.show"));
        show.setId("channel-statement-show");
        Button print = new Button(msg.get("statement.print"));
        Button csv = new Button(msg.get("statement.csv"));
        StreamResource html = new StreamResource(() -> new ByteArrayInputStream(StatementFormats.html(load(accountId, from, to)).getBytes(StandardCharsets.UTF_8)),
                "statement.html");
        html.setMIMEType("text/html; charset=UTF-8");
        html.setCacheTime(0);
        new BrowserWindowOpener(html).extend(print);
        StreamResource file = new StreamResource(() -> new ByteArrayInputStream(StatementFormats.csv(load(accountId, from, to)).getBytes(StandardCharsets.UTF_8)),
                "statement-" + accountId + ".csv");
        file.setMIMEType("text/csv; charset=UTF-8");
        file.setCacheTime(0);
        new FileDownloader(file).extend(csv);
        show.addClickListener(e -> {
            out.removeAllComponents();
            try {
                StatementData s = load(accountId, from, to);
                Grid<LedgerData> lines = new Grid<>();
                lines.setId("channel-statement-lines");
                lines.setWidth("100%");
                lines.addColumn(LedgerData::onDate).setCaption(msg.get("statement.date"));
                lines.addColumn(l -> msg.get("ledger." + l.kind())).setCaption(msg.get("statement.kind"));
                lines.addColumn(LedgerData::documentNumber).setCaption(msg.get("statement.document"));
                lines.addColumn(l -> ChannelUi.yuan(l.amount())).setCaption(msg.get("statement.amount"));
                lines.addColumn(l -> ChannelUi.yuan(l.balance())).setCaption(msg.get("statement.balance"));
                lines.setItems(s.entries());
                Label totals = new Label(msg.get("statement.totals", ChannelUi.yuan(s.opening()), ChannelUi.yuan(s.invoices()), ChannelUi.yuan(s.payments()),
                        ChannelUi.yuan(s.creditNotes()), ChannelUi.yuan(s.writeOffs()), ChannelUi.yuan(s.closing()), ChannelUi.yuan(s.rebatesEarned())));
                totals.setId("channel-statement-totals");
                out.addComponents(totals, lines);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, java.util.Map.of("from", from, "to", to), msg);
            }
        });
        return new VerticalLayout(new HorizontalLayout(from, to, show, print, csv), out);
    }

    private StatementData load(long accountId, DateField from, DateField to) {
        return services.receivables().statement(context.user(), accountId, from.getValue(), to.getValue());
    }

}
