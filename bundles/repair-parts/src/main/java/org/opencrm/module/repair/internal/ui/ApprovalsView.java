package org.opencrm.module.repair.internal.ui;

import org.opencrm.ui.BaseMenuEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.repair.internal.dto.ApprovalInput;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.model.ReplacementStatus;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
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
 * HQ's approval inbox: in-warranty part replacements waiting for approval, oldest first. Approving issues the part
 * from the centre's stock (refused when the centre has none left) and records the removed part's serial; rejecting
 * needs a reason.
 */
final class ApprovalsView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;
    private final transient Map<Long, org.opencrm.module.repair.internal.dto.RepairOrderData> orders = new java.util.HashMap<>();
    private transient Map<String, String> faultCodes;

    ApprovalsView(RepairScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        setMargin(false);
        setId("approvals-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        Label title = new Label(msg.get("menu." + RepairUi.APPROVALS));
        title.addStyleName(ValoTheme.LABEL_H2);
        ComboBox<ReplacementStatus> status = new ComboBox<>(null, List.of(ReplacementStatus.values()));
        status.setId("approvals-status");
        status.setItemCaptionGenerator(s -> msg.label("replacementStatus", s));
        status.setEmptySelectionAllowed(false);
        status.setValue(ReplacementStatus.PENDING);
        Label total = new Label();
        total.setId("approvals-total");
        total.addStyleName(ValoTheme.LABEL_LIGHT);
        ConfigurableFilterDataProvider<ReplacementData, Void, String> rows = PagedData.of(page -> {
            var result = screens.replacements.search(context.user(), status.getValue().name(), Boolean.TRUE, page);
            total.setValue(msg.get("approvals.total", result.total()));
            return result;
        });
        Grid<ReplacementData> grid = new Grid<>(rows);
        grid.setId("approvals-grid");
        grid.setWidth("100%");
        grid.addColumn(r -> Times.dateTime(r.requestedAt())).setCaption(msg.get("replacement.requested")).setWidth(150);
        RecordLinks.column(grid, r -> Records.number("RO", r.repairOrderId()), r -> RepairUi.ORDERS + "/" + r.repairOrderId(), "approval-order", ReplacementData::id)
                .setCaption(msg.get("order.number")).setWidth(120);
        grid.addColumn(r -> RecordNames.account(screens.customers, context.user(), r.centreAccountId())).setCaption(msg.get("request.centre"));
        grid.addColumn(r -> r.partNumber() + " · " + r.partName()).setCaption(msg.get("part.part"));
        // what HQ decides on: the order's fault, cause and symptom, and why it is in warranty
        grid.addColumn(r -> fault(order(r))).setCaption(msg.get("approvals.fault")).setDescriptionGenerator(r -> fault(order(r)));
        grid.addColumn(r -> warranty(order(r))).setCaption(msg.get("approvals.warrantyBasis")).setDescriptionGenerator(r -> warranty(order(r)));
        grid.addColumn(ReplacementData::quantity).setCaption(msg.get("part.quantity")).setWidth(90);
        grid.addColumn(r -> screens.stock.quantity(r.warehouseId(), r.partId())).setCaption(msg.get("approvals.centreStock")).setWidth(120);
        grid.addColumn(r -> Fields.shown(r.note())).setCaption(msg.get("action.note"));
        grid.addColumn(ReplacementData::requestedBy).setCaption(msg.get("step.actor"));
        grid.addColumn(r -> RepairUi.label(msg, "replacementStatus", r.status())).setCaption(msg.get("replacement.status"));
        status.addValueChangeListener(e -> {
            orders.clear();
            rows.refreshAll();
        });

        Button approve = RepairUi.button("approvals-approve", msg.get("approvals.approve"), () -> grid.getSelectedItems().stream().findFirst()
                .ifPresentOrElse(r -> approve(r, rows::refreshAll), () -> Feedback.error(msg.get("approvals.pick"))));
        approve.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button reject = RepairUi.button("approvals-reject", msg.get("approvals.reject"), () -> grid.getSelectedItems().stream().findFirst()
                .ifPresentOrElse(r -> NoteWindow.open(msg, msg.get("approvals.reject") + " · " + r.partNumber(), "note", reason -> {
                    screens.replacements.reject(context.user(), r.id(), new NoteInput(reason));
                    Feedback.done(msg.get("approvals.rejected", r.partNumber()));
                    rows.refreshAll();
                }), () -> Feedback.error(msg.get("approvals.pick"))));
        Button order = RepairUi.button("approvals-open-order", msg.get("approvals.openOrder"), () -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(r -> CrmSession.navigate(RepairUi.ORDERS + "/" + r.repairOrderId())));
        addComponents(title, new HorizontalLayout(status, approve, reject, order), total, grid);
    }

    private void approve(ReplacementData r, Runnable done) {
        if (!ReplacementStatus.PENDING.name().equals(r.status())) {
            Feedback.error(msg.get("approvals.notPending"));
            return;
        }
        Window w = new Window(msg.get("approvals.approve") + " · " + r.partNumber());
        w.setModal(true);
        w.setWidth("480px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        org.opencrm.module.repair.internal.dto.RepairOrderData o = order(r);
        Label facts = new Label(fault(o) + "\n" + msg.get("order.symptom") + ": " + Fields.shown(o == null ? null : o.symptom()) + "\n"
                + msg.get("approvals.warrantyBasis") + ": " + warranty(o) + "\n" + msg.get("replacement.removedSerial") + ": "
                + (r.removedSerial() == null ? msg.get("approvals.noRemovedSerial") : r.removedSerial()), com.vaadin.shared.ui.ContentMode.PREFORMATTED);
        facts.setId("approve-facts");
        facts.setWidth("100%");
        facts.addStyleName("crm-wrap");
        // the removed part's serial is the centre's to give; asked here only when its request had none
        TextField removed = Fields.text(msg.get("replacement.removedSerial"), "approve-removed-serial");
        removed.setVisible(r.removedSerial() == null);
        TextField fitted = Fields.text(msg.get("replacement.fittedSerial"), "approve-fitted-serial");
        TextField note = Fields.text(msg.get("action.note"), "approve-note");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("removedSerial", removed);
        fields.put("fittedSerial", fitted);
        fields.put("note", note);
        Button ok = new Button(msg.get("approvals.approve"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                screens.replacements.approve(context.user(), r.id(),
                        new ApprovalInput(Fields.typed(removed.getValue()), Fields.typed(fitted.getValue()), Fields.typed(note.getValue())));
                w.close();
                Feedback.done(msg.get("approvals.approved", r.partNumber()));
                done.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        ok.setId("approve-save");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(facts, removed, fitted, note, ok);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
        (removed.isVisible() ? removed : note).focus();
    }

    /** The repair order of a request, fetched once per order while the list shows the same requests. */
    private org.opencrm.module.repair.internal.dto.RepairOrderData order(ReplacementData r) {
        return orders.computeIfAbsent(r.repairOrderId(), id -> {
            try {
                return screens.orders.get(context.user(), id);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    private String fault(org.opencrm.module.repair.internal.dto.RepairOrderData o) {
        if (o == null) {
            return "";
        }
        String code = org.opencrm.module.repair.internal.service.FaultCodeService.shown(faultCodes(), o.faultCode());
        return (code.isEmpty() ? "" : code) + (o.cause() == null ? "" : (code.isEmpty() ? "" : " · ") + msg.get("order.cause") + ": " + o.cause());
    }

    private String warranty(org.opencrm.module.repair.internal.dto.RepairOrderData o) {
        if (o == null) {
            return "";
        }
        return msg.get(o.inWarranty() ? "order.warrantyYes" : "order.warrantyNo")
                + (o.warrantySource() == null ? "" : " · " + RepairUi.label(msg, "warrantySource", o.warrantySource()))
                + (o.warrantyNote() == null || o.warrantyNote().isBlank() ? "" : " · " + o.warrantyNote());
    }

    private Map<String, String> faultCodes() {
        if (faultCodes == null) {
            faultCodes = screens.faultCodes.names(context.user(), msg.locale());
        }
        return faultCodes;
    }
}
