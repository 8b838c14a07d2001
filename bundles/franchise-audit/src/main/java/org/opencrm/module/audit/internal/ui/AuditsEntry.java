package org.opencrm.module.audit.internal.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.PlanData.PlanStoreData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.service.AuditExports;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The "Store audits" page: the supervisor's worklist (stores due, audits in progress, start an audit at a store picked
 * by name), audits, the corrective-action worklist (franchisees answer, supervisors verify), results with charts and
 * the templates. Everything through the module's services, so the data scope is the user's.
 */
@Component(service = NavigationEntry.class)
public class AuditsEntry extends BaseMenuEntry {
    private final AuditRuntime rt;

    @Activate
    public AuditsEntry(@Reference AuditRuntime rt) {
        super("franchise-audit", "sales", 40, FranchiseAuditNames.READ, AuditUi::messages, "menu.audits");
        this.rt = rt;
    }

    @Override
    public Object createView(UiContext context) {
        Messages msg = AuditUi.messages(context.locale());
        VerticalLayout root = new VerticalLayout();
        root.setId("franchise-audit-view");
        root.setWidth("100%");
        root.setMargin(false);
        showHome(root, context, msg, 0);
        return root;
    }

    private void showHome(VerticalLayout root, UiContext c, Messages msg, int tab) {
        root.removeAllComponents();
        Label title = new Label(msg.get("menu.audits"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TabSheet tabs = new TabSheet();
        tabs.setWidth("100%");
        tabs.setId("audit-tabs");
        Runnable[] open = new Runnable[1];
        java.util.function.LongConsumer openAudit = id -> {
            root.removeAllComponents();
            root.addComponent(new AuditForm(rt, c, id, () -> showHome(root, c, msg, tabs.getTabPosition(tabs.getTab(tabs.getSelectedTab())))));
        };
        tabs.addTab(worklist(c, msg, openAudit), msg.get("tab.worklist"));
        tabs.addTab(audits(c, msg, openAudit), msg.get("tab.audits"));
        tabs.addTab(actions(c, msg), msg.get("tab.actions"));
        tabs.addTab(results(c, msg), msg.get("tab.results"));
        tabs.addTab(templates(c, msg, id -> {
            root.removeAllComponents();
            root.addComponent(new TemplateEditor(rt, c, id, () -> showHome(root, c, msg, 4)));
        }), msg.get("tab.templates"));
        tabs.setSelectedTab(Math.max(0, Math.min(tab, 4)));
        root.addComponents(title, tabs);
    }

    private com.vaadin.ui.Component worklist(UiContext c, Messages msg, java.util.function.LongConsumer openAudit) {
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.setWidth("100%");
        if (c.user().hasPermission(FranchiseAuditNames.PERFORM)) {
            RecordPicker<Long> store = Pickers.store(rt.directory, c, msg.get("ui.store"), "audit-store-picker");
            store.setWidth("100%");
            CheckBox announced = new CheckBox(msg.get("ui.announced"), false);
            Button start = new Button(msg.get("ui.start"), e -> {
                try {
                    AuditData a = rt.audits.start(c.user(), new Requests.StartAudit(store.getValue(), null, null, announced.getValue(), null));
                    openAudit.accept(a.id());
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, Map.of("storeId", store), msg);
                }
            });
            start.setId("audit-start");
            start.addStyleNames(ValoTheme.BUTTON_PRIMARY, ValoTheme.BUTTON_LARGE);
            v.addComponents(store, announced, start);
        }
        Label dueTitle = new Label(msg.get("ui.due"));
        dueTitle.addStyleName(ValoTheme.LABEL_H3);
        Grid<PlanStoreData> due = new Grid<>(PagedData.of(p -> rt.plans.due(c.user(), false, false, p)));
        due.setId("audit-due-grid");
        due.setWidth("100%");
        due.setHeight("260px");
        due.addColumn(PlanStoreData::storeName).setCaption(msg.get("ui.store"));
        due.addColumn(d -> d.dueDate().toString() + (d.overdue() ? " !" : "")).setCaption(msg.get("ui.dueDate")).setWidth(130);
        due.addColumn(PlanStoreData::supervisor).setCaption(msg.get("ui.supervisor")).setWidth(120);
        Label mineTitle = new Label(msg.get("ui.inProgress"));
        mineTitle.addStyleName(ValoTheme.LABEL_H3);
        Grid<AuditData.Summary> mine = new Grid<>(PagedData.of(p -> rt.audits.list(c.user(), null, "IN_PROGRESS", true, p)));
        mine.setId("audit-mine-grid");
        mine.setWidth("100%");
        mine.setHeight("200px");
        mine.addColumn(AuditData.Summary::storeName).setCaption(msg.get("ui.store"));
        mine.addColumn(s -> s.auditDate().toString()).setCaption(msg.get("ui.date")).setWidth(120);
        mine.addItemClickListener(e -> openAudit.accept(e.getItem().id()));
        v.addComponents(dueTitle, due, mineTitle, mine);
        return v;
    }

    private com.vaadin.ui.Component audits(UiContext c, Messages msg, java.util.function.LongConsumer openAudit) {
        Grid<AuditData.Summary> grid = new Grid<>(PagedData.of(p -> rt.audits.list(c.user(), null, null, false, p)));
        grid.setId("audit-list-grid");
        grid.setWidth("100%");
        grid.addColumn(s -> s.auditDate().toString()).setCaption(msg.get("ui.date")).setWidth(120);
        grid.addColumn(AuditData.Summary::storeName).setCaption(msg.get("ui.store"));
        grid.addColumn(s -> s.score() == null ? "" : s.score().toPlainString()).setCaption(msg.get("report.score")).setWidth(90);
        grid.addColumn(s -> s.grade() == null ? "" : s.grade()).setCaption(msg.get("report.grade")).setWidth(80);
        grid.addColumn(s -> msg.get("status." + s.status())).setCaption(msg.get("report.status")).setWidth(110);
        grid.addItemClickListener(e -> openAudit.accept(e.getItem().id()));
        return grid;
    }

    private com.vaadin.ui.Component actions(UiContext c, Messages msg) {
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.setWidth("100%");
        var data = PagedData.of(p -> {
            var found = rt.actions.list(c.user(), null, null, null, false, p);
            return new org.opencrm.platform.api.Page<>(rt.actions.inLanguage(found.items(), c.locale()), found.total()); // questions in the user's language
        });
        Grid<ActionData> grid = new Grid<>(data);
        grid.setId("audit-actions-grid");
        grid.setWidth("100%");
        grid.setHeight("300px");
        grid.addColumn(ActionData::storeName).setCaption(msg.get("ui.store"));
        grid.addColumn(a -> a.itemCode() + " " + a.question()).setCaption(msg.get("report.question"));
        grid.addColumn(a -> a.dueDate().toString() + (a.overdue() ? " !" : "")).setCaption(msg.get("report.due")).setWidth(120);
        grid.addColumn(a -> msg.get("actionStatus." + a.status())).setCaption(msg.get("report.actionStatus")).setWidth(110);
        TextArea text = new TextArea(msg.get("ui.response"));
        text.setWidth("100%");
        text.setRows(2);
        text.setId("audit-action-text");
        Button respond = new Button(msg.get("ui.respond"), e -> grid.getSelectedItems().stream().findFirst().ifPresent(a -> {
            try {
                rt.actions.respond(c.user(), a.id(), new Requests.Respond(text.getValue()));
                text.clear();
                data.refreshAll();
                Feedback.done(msg.get("ui.saved"));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("response", text), msg);
            }
        }));
        respond.setId("audit-action-respond");
        respond.addStyleName(ValoTheme.BUTTON_LARGE);
        HorizontalLayout buttons = new HorizontalLayout(respond);
        if (c.user().hasPermission(FranchiseAuditNames.VERIFY)) {
            for (boolean accept : new boolean[] { true, false }) {
                Button b = new Button(msg.get(accept ? "ui.accept" : "ui.reopen"), e -> grid.getSelectedItems().stream().findFirst().ifPresent(a -> {
                    try {
                        rt.actions.verify(c.user(), a.id(), new Requests.Verify(accept, text.getValue()));
                        text.clear();
                        data.refreshAll();
                        Feedback.done(msg.get("ui.saved"));
                    } catch (RuntimeException ex) {
                        Feedback.failed(ex, Map.of("note", text), msg);
                    }
                }));
                b.setId(accept ? "audit-action-accept" : "audit-action-reopen");
                b.addStyleName(ValoTheme.BUTTON_LARGE);
                buttons.addComponent(b);
            }
        }
        buttons.addComponent(csvButton("audit-actions-export", msg, "audit-actions", () -> rt.exports.actions(c.user(), null, null, null, false, c.locale())));
        v.addComponents(grid, text, buttons);
        return v;
    }

    /** A button that downloads a CSV export (the same file as the REST export; the rows at the moment of the click). */
    private Button csvButton(String id, Messages msg, String fileName, java.util.function.Supplier<AuditExports.Download> export) {
        Button b = new Button(msg.get("ui.exportCsv"));
        b.setId(id);
        StreamResource file = new StreamResource(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.get().writeTo(out);
            return new ByteArrayInputStream(out.toByteArray());
        }, fileName + "-" + rt.clock.today() + ".csv");
        file.setMIMEType("text/csv; charset=UTF-8");
        file.setCacheTime(0);
        new FileDownloader(file).extend(b);
        return b;
    }

    private com.vaadin.ui.Component results(UiContext c, Messages msg) {
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.setWidth("100%");
        List<ResultData.TrendPoint> trend = rt.results.trend(c.user(), null, 12);
        List<String> months = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (ResultData.TrendPoint p : trend) {
            months.add(p.month().substring(5));
            values.add(p.averageScore() == null ? 0 : p.averageScore());
        }
        Label trendTitle = new Label(msg.get("ui.trend"));
        trendTitle.addStyleName(ValoTheme.LABEL_H3);
        Label chart = Charts.bars(months, values, msg.get("ui.trend"));
        chart.setId("audit-trend-chart");
        ResultData.ActionCounts counts = rt.results.actionCounts(c.user());
        Label actionLine = new Label(msg.get("ui.actionCounts", counts.open(), counts.responded(), counts.overdue(), counts.escalated()));
        actionLine.setId("audit-action-counts");
        Label rankTitle = new Label(msg.get("ui.ranking"));
        rankTitle.addStyleName(ValoTheme.LABEL_H3);
        Grid<ResultData.StoreRank> ranking = new Grid<>(PagedData.of(p -> rt.results.ranking(c.user(), null, false, p)));
        ranking.setId("audit-ranking-grid");
        ranking.setWidth("100%");
        ranking.setHeight("300px");
        ranking.addColumn(ResultData.StoreRank::rank).setCaption("#").setWidth(70);
        ranking.addColumn(ResultData.StoreRank::storeName).setCaption(msg.get("ui.store"));
        ranking.addColumn(r -> r.region() == null ? "" : r.region()).setCaption(msg.get("report.region")).setWidth(110);
        ranking.addColumn(r -> r.score().toPlainString()).setCaption(msg.get("report.score")).setWidth(90);
        ranking.addColumn(ResultData.StoreRank::grade).setCaption(msg.get("report.grade")).setWidth(80);
        Grid<ResultData.RegionRank> regions = new Grid<>();
        regions.setItems(rt.results.regions(c.user()));
        regions.setId("audit-regions-grid");
        regions.setWidth("100%");
        regions.setHeight("200px");
        regions.addColumn(r -> r.region() == null ? "—" : r.region()).setCaption(msg.get("report.region"));
        regions.addColumn(ResultData.RegionRank::stores).setCaption(msg.get("ui.stores")).setWidth(90);
        regions.addColumn(r -> r.averageScore().toPlainString()).setCaption(msg.get("ui.average")).setWidth(100);
        Grid<ResultData.FailedItem> failed = new Grid<>();
        failed.setItems(rt.results.mostFailed(c.user(), null, null, 10));
        failed.setId("audit-failed-grid");
        failed.setWidth("100%");
        failed.setHeight("240px");
        failed.addColumn(f -> f.code() + " " + f.question()).setCaption(msg.get("ui.mostFailed"));
        failed.addColumn(ResultData.FailedItem::failures).setCaption(msg.get("ui.failures")).setWidth(100);
        ResultData.ScoreBesideSales sales = rt.results.scoreBesideSales(c.user(), null, null, c.locale(), PageRequest.of(null, 0, 50));
        Label salesTitle = new Label(msg.get("ui.scoreBesideSales", sales.from(), sales.to()));
        salesTitle.addStyleName(ValoTheme.LABEL_H3);
        Button rankingCsv = csvButton("audit-ranking-export", msg, "audit-ranking", () -> rt.exports.ranking(c.user(), null, false, c.locale()));
        HorizontalLayout rankHeader = new HorizontalLayout(rankTitle, rankingCsv);
        rankHeader.setDefaultComponentAlignment(com.vaadin.ui.Alignment.MIDDLE_LEFT);
        v.addComponents(trendTitle, chart, actionLine, rankHeader, ranking, regions, failed, salesTitle);
        if (sales.providers().isEmpty()) {
            Label none = new Label(msg.get("ui.noSalesModules"));
            none.setId("audit-no-sales");
            v.addComponent(none);
        } else {
            Grid<ResultData.SalesRow> g = new Grid<>();
            g.setItems(sales.rows());
            g.setId("audit-sales-grid");
            g.setWidth("100%");
            g.setHeight("300px");
            g.addColumn(ResultData.SalesRow::storeName).setCaption(msg.get("ui.store"));
            g.addColumn(r -> r.score().toPlainString()).setCaption(msg.get("report.score")).setWidth(90);
            for (ResultData.SalesProvider p : sales.providers()) {
                g.addColumn(r -> {
                    ResultData.Figure f = r.figures().get(p.id());
                    return f == null ? "" : f.amount() == null ? Long.toString(f.count()) : f.amount().toPlainString() + " (" + f.count() + ")";
                }).setCaption(p.label());
            }
            v.addComponent(g);
        }
        return v;
    }

    private com.vaadin.ui.Component templates(UiContext c, Messages msg, java.util.function.LongConsumer edit) {
        Grid<TemplateData> grid = new Grid<>();
        grid.setItems(rt.templates.list(c.user()));
        grid.setId("audit-templates-grid");
        grid.setWidth("100%");
        grid.addColumn(TemplateData::code).setCaption(msg.get("ui.code")).setWidth(120);
        grid.addColumn(TemplateData::version).setCaption("v").setWidth(70);
        grid.addColumn(TemplateData::name).setCaption(msg.get("ui.name"));
        grid.addColumn(TemplateData::language).setCaption(msg.get("ui.language")).setWidth(100);
        grid.addColumn(t -> msg.get("templateStatus." + t.status())).setCaption(msg.get("report.status")).setWidth(110);
        grid.addColumn(t -> t.publishedAt() == null ? "" : Times.dateTime(t.publishedAt())).setCaption(msg.get("ui.published")).setWidth(160);
        grid.addItemClickListener(e -> edit.accept(e.getItem().id()));
        VerticalLayout v = new VerticalLayout(grid, new Label(msg.get("ui.templatesHelp")));
        if (c.user().hasPermission(FranchiseAuditNames.TEMPLATE)) {
            Button newVersion = new Button(msg.get("ui.newVersion"), e -> grid.getSelectedItems().stream().findFirst().ifPresent(t -> {
                try {
                    edit.accept(rt.templates.newVersion(c.user(), t.id()).id());
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, Map.of(), msg);
                }
            }));
            newVersion.setId("audit-template-new-version");
            v.addComponent(newVersion);
        }
        v.setMargin(false);
        return v;
    }
}
