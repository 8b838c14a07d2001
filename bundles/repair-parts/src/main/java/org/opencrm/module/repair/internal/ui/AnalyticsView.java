package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.opencrm.module.repair.internal.dto.FaultReport;
import org.opencrm.module.repair.internal.dto.FaultRow;
import org.opencrm.module.repair.internal.dto.PartFailures;
import org.opencrm.module.repair.internal.dto.RepairRate;
import org.opencrm.module.repair.internal.service.FaultCodeService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Fault analytics for quality feedback: the top failing parts as a chart, repairs by model × fault code × part, and the
 * repair rate per model (repairs ÷ units sold, when the handset registry is installed); each table as CSV.
 */
final class AnalyticsView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;
    private final VerticalLayout result = new VerticalLayout();

    AnalyticsView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("repair-analytics-view");
        result.setMargin(false);
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        Label title = new Label(msg.get("menu." + RepairUi.ANALYTICS));
        title.addStyleName(ValoTheme.LABEL_H2);
        DateField from = new org.opencrm.ui.DateInput(msg.get("analytics.from"), Times.today().minusDays(89));
        from.setId("analytics-from");
        from.setDateFormat("yyyy-MM-dd");
        DateField to = new org.opencrm.ui.DateInput(msg.get("analytics.to"), Times.today());
        to.setId("analytics-to");
        to.setDateFormat("yyyy-MM-dd");
        Button run = RepairUi.button("analytics-run", msg.get("analytics.run"), () -> report(from.getValue(), to.getValue(), Map.of("from", from, "to", to)));
        run.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(from, to, run, download("faults", from, to), download("parts", from, to), download("rates", from, to));
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        addComponents(title, bar, result);
        report(from.getValue(), to.getValue(), Map.of("from", from, "to", to));
    }

    /** A CSV of one table for the period shown in the date fields at the moment of the click. */
    private Button download(String kind, DateField from, DateField to) {
        Button b = new Button(msg.get("analytics.csv." + kind));
        b.setId("analytics-csv-" + kind);
        b.addStyleName(ValoTheme.BUTTON_LINK);
        StreamResource file = new StreamResource(() -> new ByteArrayInputStream(
                ("\ufeff" + screens.analytics.csv(context.user(), from.getValue(), to.getValue(), kind)).getBytes(StandardCharsets.UTF_8)),
                "repair-" + kind + "-" + Times.today() + ".csv");
        file.setMIMEType("text/csv; charset=UTF-8");
        new FileDownloader(file).extend(b);
        return b;
    }

    private void report(LocalDate from, LocalDate to, Map<String, DateField> fields) {
        FaultReport r;
        try {
            Feedback.clearFieldErrors(fields);
            r = screens.analytics.report(context.user(), from, to, 10);
        } catch (RuntimeException e) {
            Feedback.failed(e, fields, msg);
            return;
        }
        result.removeAllComponents();
        Label chart = Charts.bars(r.topParts().stream().map(PartFailures::partNumber).toList(), r.topParts().stream().map(PartFailures::failures).toList(),
                msg.get("analytics.topParts"));
        chart.setCaption(msg.get("analytics.topParts"));
        chart.setId("analytics-chart");
        chart.setWidth("100%");

        Grid<FaultRow> faults = new Grid<>();
        faults.setId("analytics-faults");
        faults.setCaption(msg.get("analytics.faults"));
        faults.setWidth("100%");
        faults.setItems(r.faults());
        faults.setHeightByRows(Math.max(1, Math.min(12, r.faults().size())));
        faults.addColumn(f -> Fields.shown(f.modelCode())).setCaption(msg.get("request.model"));
        Map<String, String> faultNames = screens.faultCodes.names(context.user(), msg.locale());
        faults.addColumn(f -> FaultCodeService.shown(faultNames, f.faultCode())).setCaption(msg.get("order.faultCode"));
        faults.addColumn(f -> Fields.shown(f.partNumber())).setCaption(msg.get("part.number"));
        faults.addColumn(FaultRow::repairs).setCaption(msg.get("analytics.repairs"));

        Grid<RepairRate> rates = new Grid<>();
        rates.setId("analytics-rates");
        rates.setCaption(r.registryPresent() ? msg.get("analytics.rates") : msg.get("analytics.ratesWithoutRegistry"));
        rates.setWidth("100%");
        rates.setItems(r.repairRates());
        rates.setHeightByRows(Math.max(1, Math.min(12, r.repairRates().size())));
        rates.addColumn(RepairRate::modelCode).setCaption(msg.get("request.model"));
        rates.addColumn(RepairRate::repairs).setCaption(msg.get("analytics.repairs"));
        rates.addColumn(x -> x.unitsSold() == null ? "" : x.unitsSold().toString()).setCaption(msg.get("analytics.unitsSold"));
        rates.addColumn(x -> x.rate() == null ? "" : x.rate().movePointRight(2).stripTrailingZeros().toPlainString() + " %").setCaption(msg.get("analytics.rate"));
        Label period = new Label(msg.get("analytics.period", r.from().toString(), r.to().toString()));
        period.addStyleName(ValoTheme.LABEL_LIGHT);
        result.addComponents(period, chart, faults, rates);
    }
}
