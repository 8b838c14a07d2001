package org.opencrm.module.audit.internal.ui;

import java.util.List;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.server.ExternalResource;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;
import com.vaadin.ui.VerticalLayout;

/** An "Audits" tab on the account page: the store's audits (trend and list, each with its PDF report) and its open actions. */
@Component(service = RecordTab.class)
public class AccountAuditsTab extends BaseRecordTab {
    @Activate
    public AccountAuditsTab(@Reference AuditRuntime rt) {
        super("account.audits", Record.ACCOUNT, 60, FranchiseAuditNames.READ, AuditUi::messages, "tab.storeAudits", (c, id) -> content(rt, c, id));
    }

    private static Object content(AuditRuntime rt, UiContext c, long storeId) {
        Messages msg = AuditUi.messages(c.locale());
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.setWidth("100%");
        v.setId("account-audits");
        ResultData.StoreHistory history;
        try {
            history = rt.results.history(c.user(), storeId);
        } catch (RecordNotFoundException e) {
            v.addComponent(new Label(msg.get("ui.noAudits")));
            return v;
        }
        List<AuditData.Summary> audits = history.audits();
        if (audits.isEmpty()) {
            v.addComponent(new Label(msg.get("ui.noAudits")));
            return v;
        }
        v.addComponent(Charts.bars(audits.stream().map(a -> a.auditDate().toString().substring(2)).toList(),
                audits.stream().map(a -> (Number) a.score()).toList(), msg.get("ui.trend")));
        Grid<AuditData.Summary> grid = new Grid<>();
        List<AuditData.Summary> newestFirst = new java.util.ArrayList<>(audits);
        java.util.Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        grid.setWidth("100%");
        grid.setHeight("240px");
        grid.addColumn(a -> a.auditDate().toString()).setCaption(msg.get("ui.date")).setWidth(120);
        grid.addColumn(a -> a.score().toPlainString()).setCaption(msg.get("report.score")).setWidth(90);
        grid.addColumn(AuditData.Summary::grade).setCaption(msg.get("report.grade")).setWidth(80);
        grid.addColumn(AuditData.Summary::auditor).setCaption(msg.get("ui.supervisor"));
        grid.addComponentColumn(a -> {
            Link l = new Link(msg.get("ui.report"), new ExternalResource("/api/v1/audits/" + a.id() + "/report.pdf?lang=" + c.locale().toLanguageTag()));
            l.setTargetName("_blank");
            return l;
        }).setWidth(120);
        List<ActionData> open = rt.actions.inLanguage(rt.actions.list(c.user(), storeId, null, "OPEN", false, PageRequest.of(null, 0, 100)).items(),
                c.locale());
        Grid<ActionData> actions = new Grid<>();
        actions.setItems(open);
        actions.setWidth("100%");
        actions.setHeight("200px");
        actions.addColumn(a -> a.itemCode() + " " + a.question()).setCaption(msg.get("tab.actions"));
        actions.addColumn(a -> a.dueDate().toString() + (a.overdue() ? " !" : "")).setCaption(msg.get("report.due")).setWidth(120);
        v.addComponents(grid, actions);
        return v;
    }
}
