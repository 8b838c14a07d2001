package org.opencrm.module.channel.internal.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.AgingRow;
import org.opencrm.module.channel.internal.dto.CollectionData;
import org.opencrm.module.channel.internal.dto.DecisionInput;
import org.opencrm.module.channel.internal.dto.InvoiceData;
import org.opencrm.module.channel.internal.dto.PaymentData;
import org.opencrm.module.channel.internal.dto.PaymentInput;
import org.opencrm.module.channel.internal.dto.ProgrammeData;
import org.opencrm.module.channel.internal.dto.RebateResultData;
import org.opencrm.module.channel.internal.dto.RunData;
import org.opencrm.module.channel.internal.dto.RunInput;
import org.opencrm.module.channel.internal.dto.WriteOffData;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Times;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** HQ finance: payments entry and allocation, aging with a chart, the collection worklist, rebate run review, write-off approvals. */
final class FinanceView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ChannelServices services;
    private final transient UiContext context;
    private final Messages msg;

    FinanceView(ChannelServices services, UiContext context) {
        this.services = services;
        this.context = context;
        this.msg = ChannelUi.messages(context.locale());
        setId("channel-finance");
        Label title = new Label(msg.get("menu.finance"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TabSheet tabs = new TabSheet();
        tabs.setId("channel-finance-tabs");
        tabs.addTab(payments(), msg.get("finance.payments"));
        tabs.addTab(aging(), msg.get("finance.aging"));
        tabs.addTab(collection(), msg.get("finance.collection"));
        tabs.addTab(rebates(), msg.get("finance.rebates"));
        tabs.addTab(writeOffs(), msg.get("finance.writeOffs"));
        addComponents(title, tabs);
    }

    static Component agingChart(Messages msg, AgingRow totals) {
        return Charts.bars(AgingWidget.labels(msg), AgingWidget.values(totals), msg.get("widget.aging"));
    }

    private Component payments() {
        RecordPicker<Long> partner = Pickers.account(services.customers(), context, msg.get("payment.partner"), "channel-payment-partner");
        ComboBox<String> method = new ComboBox<>(msg.get("payment.method"), List.of("BANK_TRANSFER", "CASH", "ACCEPTANCE_BILL"));
        method.setItemCaptionGenerator(m -> msg.get("method." + m));
        method.setValue("BANK_TRANSFER");
        method.setEmptySelectionAllowed(false);
        method.setId("channel-payment-method");
        TextField amount = Fields.text(msg.get("payment.amount"), "channel-payment-amount");
        TextField reference = Fields.text(msg.get("payment.reference"), "channel-payment-reference");
        // explicit allocation: the partner's open invoices by number, due date and open amount; none ticked = oldest first
        CheckBoxGroup<InvoiceData> invoices = new CheckBoxGroup<>(msg.get("payment.invoices"));
        invoices.setId("channel-payment-invoices");
        invoices.setWidth("100%");
        invoices.setItemCaptionGenerator(i -> invoiceCaption(msg, i));
        invoices.setDescription(msg.get("payment.invoices.hint"));
        Label allocationHint = new Label(msg.get("payment.invoices.hint"));
        allocationHint.setId("channel-payment-allocation-hint");
        allocationHint.setWidth("100%");
        allocationHint.addStyleName(ValoTheme.LABEL_SMALL);
        Runnable loadInvoices = () -> {
            List<InvoiceData> open = partner.getValue() == null ? List.of() : openInvoices(partner.getValue());
            invoices.setItems(open);
            invoices.setVisible(!open.isEmpty());
            allocationHint.setValue(partner.getValue() == null ? msg.get("payment.invoices.hint")
                    : open.isEmpty() ? msg.get("payment.invoices.none") : msg.get("payment.invoices.hint"));
        };
        invoices.setVisible(false);
        partner.addValueChangeListener(e -> {
            try {
                loadInvoices.run();
            } catch (RuntimeException ex) {
                invoices.setItems(List.of());
                Feedback.failed(ex, Map.of("accountId", partner), msg);
            }
        });
        Label result = new Label();
        result.setId("channel-payment-result");
        Grid<PaymentData> recent = new Grid<>();
        recent.setWidth("100%");
        recent.addColumn(PaymentData::number).setCaption(msg.get("payment.number"));
        recent.addColumn(PaymentData::receivedOn).setCaption(msg.get("payment.receivedOn"));
        recent.addColumn(p -> msg.get("method." + p.method())).setCaption(msg.get("payment.method"));
        recent.addColumn(p -> ChannelUi.yuan(p.amount())).setCaption(msg.get("payment.amount"));
        recent.addColumn(p -> ChannelUi.yuan(p.unallocated())).setCaption(msg.get("payment.unallocated"));
        recent.addColumn(p -> String.join(", ", p.allocations().stream().map(a -> a.invoiceNumber() + " " + ChannelUi.yuan(a.amount())).toList()))
                .setCaption(msg.get("payment.allocations"));
        recent.setDataProvider(PagedData.of(r -> services.receivables().payments(context.user(), null, r)));
        Button record = new Button(msg.get("payment.record"), e -> {
            try {
                BigDecimal yuan;
                try {
                    yuan = new BigDecimal(amount.getValue().strip().replace(",", ""));
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("amount", msg.get("payment.notAmount", amount.getValue()), "money.notAnAmount", amount.getValue());
                }
                List<Long> chosen = allocationOrder(invoices.getValue());
                PaymentData p = services.receivables().pay(context.user(), new PaymentInput(partner.getValue(), method.getValue(), yuan, Fields.typed(reference.getValue()),
                        chosen.isEmpty() ? null : chosen));
                result.setValue(msg.get("payment.done", p.number(), p.allocations().size(), ChannelUi.yuan(p.unallocated())));
                Feedback.done(result.getValue());
                amount.clear();
                reference.clear();
                recent.getDataProvider().refreshAll();
                loadInvoices.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("accountId", partner, "amount", amount, "method", method, "reference", reference, "invoiceIds", invoices), msg);
            }
        });
        record.setId("channel-payment-record");
        record.addStyleName(ValoTheme.BUTTON_PRIMARY);
        record.setEnabled(context.user().hasPermission(ChannelModule.FINANCE));
        return new VerticalLayout(new HorizontalLayout(partner, method, amount, reference), invoices, allocationHint, record, result, recent);
    }

    private List<InvoiceData> openInvoices(long accountId) {
        return services.receivables().invoices(context.user(), accountId, true, PageRequest.of(null, 0, PageRequest.MAX_LIMIT)).items().stream()
                .filter(i -> i.open().signum() > 0).sorted(OLDEST_FIRST).toList();
    }

    /** Oldest due first (then by number): the order the list shows and the order explicit allocation pays them in. */
    static final java.util.Comparator<InvoiceData> OLDEST_FIRST = java.util.Comparator.comparing(InvoiceData::dueOn,
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(InvoiceData::number, java.util.Comparator.nullsLast(
                    java.util.Comparator.naturalOrder())).thenComparingLong(InvoiceData::id);

    /** The ids of the invoices ticked, oldest due first; empty when none is (the service then allocates oldest first itself). */
    static List<Long> allocationOrder(java.util.Collection<InvoiceData> ticked) {
        return ticked == null ? List.of() : ticked.stream().sorted(OLDEST_FIRST).map(InvoiceData::id).toList();
    }

    /** An open invoice as staff know it: its number, due date and open amount (never its id). */
    static String invoiceCaption(Messages msg, InvoiceData i) {
        return msg.get("payment.invoice", i.number(), String.valueOf(i.dueOn()), ChannelUi.yuan(i.open()));
    }

    private Component aging() {
        DateField asOf = new DateField(msg.get("aging.asOf"), Times.today());
        asOf.setId("channel-aging-asof");
        VerticalLayout out = new VerticalLayout();
        out.setMargin(false);
        Button show = new Button(msg.get("aging.show"));
        show.setId("channel-aging-show");
        show.addClickListener(e -> {
            out.removeAllComponents();
            AgingReport r = services.receivables().aging(context.user(), asOf.getValue(), null, 200);
            Grid<AgingRow> grid = new Grid<>();
            grid.setId("channel-aging-grid");
            grid.setWidth("100%");
            RecordLinks.column(grid, AgingRow::accountName, a -> PartnersEntry.ID + "/" + a.accountId(), "channel-aging-partner", AgingRow::accountId)
                    .setCaption(msg.get("partner.name"));
            grid.addColumn(a -> ChannelUi.yuan(a.current())).setCaption(msg.get("aging.current"));
            grid.addColumn(a -> ChannelUi.yuan(a.days1to30())).setCaption(msg.get("aging.d1"));
            grid.addColumn(a -> ChannelUi.yuan(a.days31to60())).setCaption(msg.get("aging.d31"));
            grid.addColumn(a -> ChannelUi.yuan(a.days61to90())).setCaption(msg.get("aging.d61"));
            grid.addColumn(a -> ChannelUi.yuan(a.over90())).setCaption(msg.get("aging.d90"));
            grid.addColumn(a -> ChannelUi.yuan(a.total())).setCaption(msg.get("aging.total"));
            grid.setItems(r.partners());
            out.addComponents(agingChart(msg, r.totals()), new Label(msg.get("widget.aging.total", ChannelUi.yuan(r.totals().total()), r.partnerCount())), grid);
        });
        show.click();
        return new VerticalLayout(new HorizontalLayout(asOf, show), out);
    }

    private Component collection() {
        Grid<InvoiceData> grid = new Grid<>();
        grid.setId("channel-collection-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, InvoiceData::accountName, i -> PartnersEntry.ID + "/" + i.accountId(), "channel-collection-partner", InvoiceData::id)
                .setCaption(msg.get("partner.name"));
        grid.addColumn(InvoiceData::number).setCaption(msg.get("invoice.number"));
        grid.addColumn(InvoiceData::dueOn).setCaption(msg.get("invoice.due"));
        grid.addColumn(InvoiceData::overdueDays).setCaption(msg.get("invoice.overdueDays"));
        grid.addColumn(i -> ChannelUi.yuan(i.open())).setCaption(msg.get("invoice.open"));
        Runnable load = () -> grid.setItems(services.receivables().invoices(context.user(), null, true, PageRequest.of(null, 0, PageRequest.MAX_LIMIT)).items().stream()
                .filter(i -> i.overdueDays() > 0).sorted((a, b) -> Long.compare(b.overdueDays(), a.overdueDays())).toList());
        load.run();
        Button run = new Button(msg.get("collection.run"), e -> {
            try {
                CollectionData c = services.receivables().collect(context.user(), context.locale());
                Feedback.done(msg.get("collection.done", c.reminders(), c.holds()));
                load.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of(), msg);
            }
        });
        run.setId("channel-collection-run");
        return new VerticalLayout(run, grid);
    }

    private Component rebates() {
        ComboBox<ProgrammeData> programme = new ComboBox<>(msg.get("rebate.programme"), services.rebates().programmes(context.user()));
        programme.setItemCaptionGenerator(p -> p.code() + " · " + p.name() + " (" + msg.get("mode." + p.mode()) + ")");
        programme.setId("channel-rebate-programme");
        DateField start = new DateField(msg.get("rebate.periodStart"), Times.today().withDayOfMonth(1));
        start.setId("channel-rebate-start");
        Grid<RunData> runs = new Grid<>();
        runs.setId("channel-rebate-runs");
        runs.setWidth("100%");
        runs.addColumn(RunData::programmeCode).setCaption(msg.get("rebate.programme"));
        runs.addColumn(r -> r.periodStart() + " – " + r.periodEnd()).setCaption(msg.get("rebate.period"));
        runs.addColumn(r -> msg.get("runStatus." + r.status())).setCaption(msg.get("rebate.state"));
        runs.addColumn(RunData::partners).setCaption(msg.get("rebate.partners"));
        runs.addColumn(r -> ChannelUi.yuan(r.total())).setCaption(msg.get("rebate.total"));
        runs.setDataProvider(PagedData.of(r -> services.rebates().runs(context.user(), r)));
        // review before approval: the selected run's result per partner (a partner user sees only the partners in its scope)
        Label reviewCaption = new Label(msg.get("rebate.review.none"));
        reviewCaption.setId("channel-rebate-review-caption");
        reviewCaption.setWidth("100%");
        Grid<RebateResultData> results = new Grid<>();
        results.setId("channel-rebate-results");
        results.setWidth("100%");
        results.setHeightByRows(6);
        RecordLinks.column(results, RebateResultData::accountName, x -> PartnersEntry.ID + "/" + x.accountId(), "channel-rebate-partner",
                RebateResultData::accountId).setCaption(msg.get("partner.name"));
        ChannelUi.rebateColumns(results, msg);
        long[] shown = {0};
        Runnable review = () -> {
            if (shown[0] == 0) {
                reviewCaption.setValue(msg.get("rebate.review.none"));
                results.setItems(List.of());
                return;
            }
            try {
                RunData r = services.rebates().get(context.user(), shown[0]);
                reviewCaption.setValue(msg.get("rebate.review.of", r.programmeCode(), r.periodStart() + " – " + r.periodEnd(), msg.get("runStatus." + r.status()),
                        r.results().size(), ChannelUi.yuan(r.total())));
                results.setItems(r.results());
            } catch (RuntimeException ex) {
                results.setItems(List.of());
                Feedback.failed(ex, Map.of(), msg);
            }
        };
        runs.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                shown[0] = e.getValue().id();
                review.run();
            }
        });
        Button compute = new Button(msg.get("rebate.compute"), e -> act(() -> {
            RunData r = services.rebates().run(context.user(), new RunInput(programme.getValue() == null ? null : programme.getValue().id(), start.getValue()));
            Feedback.done(msg.get("rebate.computed", r.partners(), ChannelUi.yuan(r.total())));
        }, runs, Map.of("programmeId", programme, "periodStart", start)));
        // four eyes is the service's: a refusal (409) is said in words by Feedback, the review stays on the run
        Button approve = new Button(msg.get("rebate.approve"), e -> act(() -> services.rebates().approve(context.user(), selected(runs).id()), runs, Map.of(),
                review));
        approve.setId("channel-rebate-approve");
        approve.setVisible(context.user().hasPermission(ChannelModule.ADMIN));
        Button settle = new Button(msg.get("rebate.settle"), e -> act(() -> services.rebates().settle(context.user(), selected(runs).id()), runs, Map.of(),
                review));
        settle.setId("channel-rebate-settle");
        return new VerticalLayout(new HorizontalLayout(programme, start, compute), new HorizontalLayout(approve, settle), runs, reviewCaption, results);
    }

    private Component writeOffs() {
        Grid<WriteOffData> grid = new Grid<>();
        grid.setWidth("100%");
        grid.addColumn(WriteOffData::invoiceId).setCaption(msg.get("invoice.number"));
        grid.addColumn(w -> ChannelUi.yuan(w.amount())).setCaption(msg.get("invoice.amount"));
        grid.addColumn(WriteOffData::reason).setCaption(msg.get("history.reason"));
        grid.addColumn(WriteOffData::requestedBy).setCaption(msg.get("writeOff.requestedBy"));
        grid.addColumn(w -> msg.get("writeOffStatus." + w.status())).setCaption(msg.get("rebate.state"));
        grid.setDataProvider(PagedData.of(r -> services.receivables().writeOffs(context.user(), null, r)));
        Button approve = new Button(msg.get("writeOff.approve"), e -> act(() -> services.receivables().decideWriteOff(context.user(), selected(grid).id(),
                new DecisionInput(true, null)), grid, Map.of()));
        Button reject = new Button(msg.get("writeOff.reject"), e -> act(() -> services.receivables().decideWriteOff(context.user(), selected(grid).id(),
                new DecisionInput(false, null)), grid, Map.of()));
        HorizontalLayout bar = new HorizontalLayout(approve, reject);
        bar.setVisible(context.user().hasPermission(ChannelModule.WRITEOFF));
        return new VerticalLayout(bar, grid);
    }

    private <T> T selected(Grid<T> grid) {
        T t = grid.asSingleSelect().getValue();
        if (t == null) {
            throw new InvalidInputException(null, msg.get("order.pick"), "channel.pickRow");
        }
        return t;
    }

    private void act(Runnable action, Grid<?> grid, Map<String, ? extends com.vaadin.ui.AbstractComponent> fields) {
        act(action, grid, fields, () -> {
        });
    }

    private void act(Runnable action, Grid<?> grid, Map<String, ? extends com.vaadin.ui.AbstractComponent> fields, Runnable after) {
        try {
            action.run();
            Feedback.done(msg.get("finance.done"));
            grid.getDataProvider().refreshAll();
            after.run();
        } catch (RuntimeException ex) {
            Feedback.failed(ex, fields, msg);
        }
    }
}
