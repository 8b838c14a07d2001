package org.opencrm.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The audit trail, newest first, filtered by who, record type and id, action and a date range; lazy, so it stays
 * usable with millions of entries. A contact's or account's entry opens that record.
 */
final class AuditTrailView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final TextField actor = filter("audit-actor");
    private final TextField recordType = filter("audit-type");
    private final TextField recordId = filter("audit-record");
    private final TextField action = filter("audit-action");
    private final DateField from = new org.opencrm.ui.DateInput(null);
    private final DateField to = new org.opencrm.ui.DateInput(null);
    private final Label total = new Label();
    private transient AuditChanges changes;

    AuditTrailView(AuditTrail audit, UiContext context) {
        Messages msg = Messages.of(AuditTrailView.class, CrmUI.MESSAGES, context.locale());
        setMargin(false);
        setId("audit-view");
        Label title = new Label(msg.get("menu.admin.audit"));
        title.addStyleName(ValoTheme.LABEL_H2);
        actor.setCaption(msg.get("audit.actor"));
        recordType.setCaption(msg.get("audit.recordType"));
        recordType.setPlaceholder(msg.get("audit.typeHint"));
        recordId.setCaption(msg.get("audit.recordId"));
        action.setCaption(msg.get("audit.action"));
        action.setPlaceholder(msg.get("audit.actionHint"));
        from.setCaption(msg.get("audit.from"));
        to.setCaption(msg.get("audit.to"));
        from.setId("audit-from");
        to.setId("audit-to");
        from.setDateFormat("yyyy-MM-dd");
        to.setDateFormat("yyyy-MM-dd");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>(Map.of("actor", actor, "recordType", recordType, "recordId", recordId,
                "action", action, "from", from, "to", to));

        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(15);
        ConfigurableFilterDataProvider<AuditEntry, Void, String> rows = PagedData.of(page -> {
            Page<AuditEntry> result = audit.search(context.user(), query(), page.offset(), page.limit());
            total.setValue(msg.get("audit.total", result.total()));
            return result;
        });
        grid.setDataProvider(rows);
        // a record's earlier entries give each update's values before; at most one look-up per record shown
        changes = new AuditChanges(msg, e -> audit.forRecord(context.user(), e.recordType(), e.recordId(), 0, 200).items());
        grid.addColumn(e -> Times.dateTimeSeconds(e.at())).setCaption(msg.get("audit.at")).setWidth(200);
        grid.addColumn(AuditEntry::actor).setCaption(msg.get("audit.actor")).setWidth(140);
        grid.addColumn(changes::recordType).setCaption(msg.get("audit.recordType")).setWidth(140);
        RecordLinks.column(grid, AuditEntry::recordId, AuditTrailView::page, "audit-record-link", AuditEntry::id).setCaption(msg.get("audit.recordId")).setWidth(120);
        grid.addColumn(changes::action).setCaption(msg.get("audit.action")).setWidth(110);
        grid.addColumn(changes::changes).setCaption(msg.get("audit.changes")).setDescriptionGenerator(changes::changes);

        Button apply = new Button(msg.get("audit.apply"), e -> {
            Feedback.clearFieldErrors(fields);
            if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
                to.setComponentError(new com.vaadin.server.UserError(msg.get("audit.toBeforeFrom")));
                Feedback.error(msg.get("audit.toBeforeFrom"));
                return;
            }
            changes.forget();
            rows.refreshAll();
        });
        apply.setId("audit-apply");
        apply.addStyleName(ValoTheme.BUTTON_PRIMARY);
        apply.setClickShortcut(com.vaadin.event.ShortcutAction.KeyCode.ENTER);
        Button clear = new Button(msg.get("audit.clear"), e -> {
            actor.clear();
            recordType.clear();
            recordId.clear();
            action.clear();
            from.clear();
            to.clear();
            Feedback.clearFieldErrors(fields);
            rows.refreshAll();
        });
        HorizontalLayout filters = new HorizontalLayout(actor, recordType, recordId, action, from, to, apply, clear);
        filters.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        total.setId("audit-total");
        addComponents(title, new Label(msg.get("audit.help")), filters, total, grid);
    }

    private AuditQuery query() {
        return new AuditQuery(actor.getValue(), changes.typeCode(recordType.getValue()), recordId.getValue(), changes.actionCode(action.getValue()), Times.startOf(from.getValue()),
                Times.endOf(to.getValue()));
    }

    /** The page of an entry's record: contacts and accounts have one; other modules' records have none here. */
    private static String page(AuditEntry e) {
        boolean shellRecord = "contact".equals(e.recordType()) || "account".equals(e.recordType());
        return shellRecord && e.recordId() != null && e.recordId().matches("\\d{1,18}") ? e.recordType() + "/" + e.recordId() : null;
    }

    private static TextField filter(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setWidth("140px");
        return f;
    }
}
