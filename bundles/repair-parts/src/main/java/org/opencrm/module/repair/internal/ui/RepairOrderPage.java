package org.opencrm.module.repair.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.FaultCodeData;
import org.opencrm.module.repair.internal.dto.PartData;
import org.opencrm.module.repair.internal.dto.QuoteData;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.dto.ReplacementInput;
import org.opencrm.module.repair.internal.dto.StatusChange;
import org.opencrm.module.repair.internal.dto.StepData;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.module.repair.internal.service.FaultCodeService;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.Times;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.ExternalResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One repair order, following its steps: the device and its warranty, the diagnosis, the buttons of the moves allowed
 * now, the quote for an out-of-warranty repair, the part replacement requests and every step taken.
 */
final class RepairOrderPage extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient RepairScreens screens;
    private final UiContext context;
    private final Messages msg;
    private final RepairOrderData o;

    RepairOrderPage(RepairScreens screens, UiContext context, RepairOrderData o) {
        this.screens = screens;
        this.context = context;
        this.msg = RepairUi.messages(context.locale());
        this.o = o;
        setMargin(false);
        setId("repair-order-page");
        Label title = new Label(msg.get("order.title", o.number(), RepairUi.label(msg, "orderStatus", o.status())));
        title.setId("order-title");
        title.addStyleName(ValoTheme.LABEL_H2);
        Label warranty = new Label(msg.get(o.inWarranty() ? "order.warrantyYes" : "order.warrantyNo") + " · "
                + RepairUi.label(msg, "warrantySource", o.warrantySource()) + (o.warrantyNote() == null ? "" : " · " + o.warrantyNote()));
        warranty.setId("order-warranty");
        warranty.addStyleName(o.inWarranty() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_LIGHT);
        addComponents(RepairUi.link(msg.get("orders.back"), () -> CrmSession.navigate(RepairUi.ORDERS)), title, warranty, actions(), printLinks(),
                details());
        Component quote = quote();
        if (quote != null) {
            addComponent(quote);
        }
        addComponents(replacements(), steps());
    }

    private boolean canWrite() {
        return context.user().hasPermission(RepairModule.WRITE);
    }

    /** Shows the order as it is now, in place (the address stays the order's link). */
    private void reload() {
        if (getParent() instanceof VerticalLayout parent) {
            parent.replaceComponent(this, new RepairOrderPage(screens, context, screens.orders.get(context.user(), o.id())));
        }
    }

    /** One button per move allowed now; DIAGNOSED asks for the diagnosis, the others for a note. */
    private HorizontalLayout actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("order-actions");
        if (!canWrite()) {
            return bar;
        }
        for (String next : o.nextStatuses()) {
            RepairStatus target = RepairStatus.valueOf(next);
            Button b = RepairUi.button("order-to-" + next.toLowerCase().replace('_', '-'), msg.get("order.moveTo", msg.label("orderStatus", target)),
                    () -> {
                        if (target == RepairStatus.DIAGNOSED) {
                            diagnose();
                        } else {
                            NoteWindow.open(msg, msg.get("order.moveTo", msg.label("orderStatus", target)), "note", note -> {
                                screens.orders.move(context.user(), o.id(), new StatusChange(target, note));
                                Feedback.done(msg.get("order.moved", o.number(), msg.label("orderStatus", target)));
                                reload();
                            });
                        }
                    });
            if (target != RepairStatus.CANCELLED) {
                b.addStyleName(ValoTheme.BUTTON_PRIMARY);
            }
            bar.addComponent(b);
        }
        if (!RepairStatus.valueOf(o.status()).isFinal()) {
            if (RepairStatus.valueOf(o.status()) != RepairStatus.RECEIVED) {
                bar.addComponent(RepairUi.button("order-diagnose", msg.get("order.correctDiagnosis"), this::diagnose));
            }
            bar.addComponent(RepairUi.button("order-technician", msg.get("order.dispatch"), this::dispatch));
        }
        return bar;
    }

    /** The printed papers (PDF in a new tab, in the user's language): the intake receipt always, the pickup slip once READY. */
    private HorizontalLayout printLinks() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("order-print");
        String base = "/api/v1/repair-orders/" + o.id();
        String lang = "?lang=" + context.locale().toLanguageTag();
        bar.addComponent(printLink("order-print-receipt", msg.get("print.receipt"), base + "/receipt.pdf" + lang));
        if (RepairStatus.READY.name().equals(o.status()) || RepairStatus.RETURNED.name().equals(o.status())) {
            bar.addComponent(printLink("order-print-pickup", msg.get("print.pickup"), base + "/pickup.pdf" + lang));
        }
        return bar;
    }

    private static Link printLink(String id, String caption, String url) {
        Link l = new Link(caption, new ExternalResource(url));
        l.setTargetName("_blank");
        l.setIcon(VaadinIcons.PRINT);
        l.setId(id);
        return l;
    }

    private FormLayout details() {
        FormLayout f = new FormLayout();
        f.setId("order-details");
        f.addComponent(RepairUi.customerRow(screens, context, "order-customer", msg.get("request.customer"), o.contactId()));
        if (o.imei() != null && screens.orders.registryPresent()) {
            f.addComponent(RepairUi.linkRow("order-imei", "IMEI", o.imei(), () -> CrmSession.navigate(RepairUi.HANDSET + "/" + o.imei())));
        } else {
            f.addComponent(Fields.readOnly("IMEI", o.imei()));
        }
        f.addComponent(Fields.readOnly(msg.get("request.serial"), o.serialNumber()));
        f.addComponent(Fields.readOnly(msg.get("request.model"), o.modelCode()));
        f.addComponent(Fields.readOnly(msg.get("request.centre"), RecordNames.account(screens.customers, context.user(), o.centreAccountId())));
        f.addComponent(Fields.readOnly(msg.get("order.technician"), o.technician()));
        f.addComponent(Fields.readOnly(msg.get("order.symptom"), o.symptom()));
        String condition = (o.physicalDamage() ? msg.get("order.physicalDamage") : "") + (o.physicalDamage() && o.liquidDamage() ? " · " : "")
                + (o.liquidDamage() ? msg.get("order.liquidDamage") : "");
        Label conditionRow = Fields.readOnly(msg.get("order.condition"), condition.isEmpty() ? msg.get("order.noDamage") : condition);
        conditionRow.setId("order-condition");
        f.addComponent(conditionRow);
        f.addComponent(Fields.readOnly(msg.get("order.accessories"), o.accessories()));
        f.addComponent(Fields.readOnly(msg.get("order.faultCode"),
                o.faultCode() == null ? null : FaultCodeService.shown(screens.faultCodes.names(context.user(), msg.locale()), o.faultCode())));
        f.addComponent(Fields.readOnly(msg.get("order.cause"), o.cause()));
        f.addComponent(Fields.readOnly(msg.get("order.faultyPart"), o.faultyPartNumber()));
        f.addComponent(Fields.readOnly(msg.get("order.receivedAt"), Times.dateTime(o.receivedAt()) + " · " + o.receivedBy()));
        if (o.serviceRequestId() != null) {
            f.addComponent(RepairUi.linkRow("order-request", msg.get("order.requestCaption"), Records.number("SR", o.serviceRequestId()),
                    () -> CrmSession.navigate(RepairUi.DESK + "/" + o.serviceRequestId())));
        }
        return f;
    }

    private void diagnose() {
        Window w = new Window(msg.get("order.diagnosis") + " · " + o.number());
        w.setModal(true);
        w.setWidth("540px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        List<FaultCodeData> codes = screens.faultCodes.list(context.user(), true);
        ComboBox<FaultCodeData> code = new ComboBox<>(msg.get("order.faultCode"), codes);
        code.setId("diagnosis-code");
        code.setWidth("100%");
        code.setItemCaptionGenerator(c -> c.code() + " · " + c.describe(msg.locale()));
        code.setEmptySelectionAllowed(false);
        codes.stream().filter(c -> c.code().equals(o.faultCode())).findFirst().ifPresent(code::setValue);
        TextField cause = Fields.text(msg.get("order.cause"), "diagnosis-cause");
        cause.setValue(Fields.shown(o.cause()));
        ComboBox<PartData> part = partPicker(msg.get("order.faultyPart"), "diagnosis-part");
        TextField technician = Fields.text(msg.get("order.technician"), "diagnosis-technician");
        technician.setValue(Fields.shown(o.technician()));
        TextArea note = new TextArea(msg.get("action.note"));
        note.setId("diagnosis-note");
        note.setRows(2);
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("faultCode", code);
        fields.put("cause", cause);
        fields.put("faultyPartNumber", part);
        fields.put("technician", technician);
        fields.put("note", note);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                screens.orders.diagnose(context.user(), o.id(), new Diagnosis(code.getValue() == null ? null : code.getValue().code(), Fields.typed(cause.getValue()),
                        part.getValue() == null ? null : part.getValue().partNumber(), Fields.typed(technician.getValue()), Fields.typed(note.getValue())));
                w.close();
                Feedback.done(msg.get("order.diagnosed", o.number()));
                reload();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("diagnosis-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(code, cause, part, technician, note, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    /** The parts of the catalogue that fit this order's model (all parts when the model is unknown). */
    private ComboBox<PartData> partPicker(String caption, String id) {
        List<PartData> fitting = screens.parts.search(context.user(), null, o.modelCode(), new PageRequest(null, 0, PageRequest.MAX_LIMIT)).items();
        ComboBox<PartData> part = new ComboBox<>(caption, fitting);
        part.setId(id);
        part.setWidth("100%");
        part.setItemCaptionGenerator(p -> p.partNumber() + " · " + p.name());
        fitting.stream().filter(p -> p.partNumber().equals(o.faultyPartNumber())).findFirst().ifPresent(part::setValue);
        return part;
    }

    private void dispatch() {
        NoteWindow.open(msg, msg.get("order.dispatch") + " · " + o.number(), "technician", technician -> {
            screens.orders.assignTechnician(context.user(), o.id(), technician);
            Feedback.done(msg.get("order.dispatched", o.number(), technician));
            reload();
        });
    }

    /** The quote of an out-of-warranty repair: made while DIAGNOSED, then accepted or declined by the customer. */
    private Component quote() {
        if (o.inWarranty()) {
            return null;
        }
        QuoteData q = o.quote();
        VerticalLayout box = new VerticalLayout();
        box.setMargin(false);
        box.setId("order-quote");
        boolean pending = q != null && "PENDING".equals(q.status());
        boolean accepted = q != null && "ACCEPTED".equals(q.status());
        Label state = new Label(q == null || "NONE".equals(q.status()) ? msg.get("quote.none")
                : msg.get("quote.state", RepairUi.label(msg, "quoteStatus", q.status()), RepairUi.money(q.parts()), RepairUi.money(q.labour()),
                        RepairUi.money(q.total())));
        state.setId("quote-state");
        state.setCaption(msg.get("quote.title"));
        box.addComponent(state);
        if (!canWrite()) {
            return box;
        }
        if ("DIAGNOSED".equals(o.status()) && !accepted) {
            TextField parts = Fields.text(msg.get("quote.parts"), "quote-parts");
            TextField labour = Fields.text(msg.get("quote.labour"), "quote-labour");
            Map<String, AbstractComponent> fields = Map.of("parts", parts, "labour", labour);
            Button make = new Button(msg.get("quote.make"), e -> {
                try {
                    Feedback.clearFieldErrors(fields);
                    screens.orders.quote(context.user(), o.id(), new QuoteInput(RepairUi.amount(msg, parts, fields), RepairUi.amount(msg, labour, fields)));
                    Feedback.done(msg.get("quote.made", o.number()));
                    reload();
                } catch (Fields.InvalidField stop) {
                    // the field is marked and the user told
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, fields, msg);
                }
            });
            make.setId("quote-make");
            HorizontalLayout row = new HorizontalLayout(parts, labour, make);
            row.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
            box.addComponent(row);
        }
        if (pending) {
            Button accept = RepairUi.button("quote-accept", msg.get("quote.accept"), () -> decide(true));
            accept.addStyleName(ValoTheme.BUTTON_PRIMARY);
            box.addComponent(new HorizontalLayout(accept, RepairUi.button("quote-decline", msg.get("quote.decline"), () -> decide(false))));
        }
        return box;
    }

    private void decide(boolean accepted) {
        NoteWindow.open(msg, msg.get(accepted ? "quote.accept" : "quote.decline") + " · " + o.number(), "note", note -> {
            screens.orders.decideQuote(context.user(), o.id(), new QuoteDecision(accepted, note));
            Feedback.done(msg.get(accepted ? "quote.accepted" : "quote.declined", o.number()));
            reload();
        });
    }

    /** The part replacement requests of this order; in-warranty ones wait for HQ's approval. */
    private Component replacements() {
        VerticalLayout box = new VerticalLayout();
        box.setMargin(false);
        List<ReplacementData> rows = screens.replacements.forOrder(context.user(), o.id());
        Grid<ReplacementData> grid = new Grid<>();
        grid.setId("order-replacements");
        grid.setCaption(msg.get("replacement.title"));
        grid.setWidth("100%");
        grid.setItems(rows);
        grid.setHeightByRows(Math.max(1, Math.min(6, rows.size())));
        grid.addColumn(r -> r.partNumber() + " · " + r.partName()).setCaption(msg.get("part.part"));
        grid.addColumn(ReplacementData::quantity).setCaption(msg.get("part.quantity")).setWidth(90);
        grid.addColumn(r -> RepairUi.label(msg, "replacementStatus", r.status())).setCaption(msg.get("replacement.status"));
        grid.addColumn(r -> msg.get(r.inWarranty() ? "order.warrantyYes" : "order.warrantyNo")).setCaption(msg.get("order.inWarranty"));
        grid.addColumn(r -> Fields.shown(r.removedSerial())).setCaption(msg.get("replacement.removedSerial"));
        grid.addColumn(r -> Fields.shown(r.rejectionReason() != null ? r.rejectionReason() : r.note())).setCaption(msg.get("action.note"));
        grid.addColumn(r -> Times.dateTime(r.requestedAt()) + " · " + r.requestedBy()).setCaption(msg.get("replacement.requested"));
        box.addComponent(grid);
        RepairStatus status = RepairStatus.valueOf(o.status());
        if (canWrite() && (status == RepairStatus.DIAGNOSED || status == RepairStatus.WAITING_FOR_PARTS || status == RepairStatus.REPAIRING)) {
            box.addComponent(RepairUi.button("order-request-part", msg.get("replacement.request"), this::requestPart));
        }
        return box;
    }

    private void requestPart() {
        Window w = new Window(msg.get("replacement.request") + " · " + o.number());
        w.setModal(true);
        w.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        ComboBox<PartData> part = partPicker(msg.get("part.part"), "replacement-part");
        TextField quantity = Fields.text(msg.get("part.quantity"), "replacement-quantity");
        quantity.setValue("1");
        TextArea note = new TextArea(msg.get("action.note"));
        note.setId("replacement-note");
        note.setRows(2);
        // the centre has the faulty part in hand: its serial is entered here (HQ's approval uses it, the maker's claim needs it)
        TextField removed = Fields.text(msg.get("replacement.removedSerial"), "replacement-removed-serial");
        removed.setPlaceholder(msg.get(o.inWarranty() ? "replacement.removedSerialHintWarranty" : "replacement.removedSerialHint"));
        Map<String, AbstractComponent> fields = Map.of("partNumber", part, "quantity", quantity, "note", note, "removedSerial", removed);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                Long qty = RepairUi.quantity(msg, quantity, fields);
                ReplacementData r = screens.replacements.request(context.user(), o.id(),
                        new ReplacementInput(part.getValue() == null ? null : part.getValue().partNumber(), qty == null ? null : Math.toIntExact(qty), Fields.typed(note.getValue()),
                                Fields.typed(removed.getValue())));
                w.close();
                Feedback.done(msg.get(r.inWarranty() ? "replacement.awaitsApproval" : "replacement.requested.done", r.partNumber()));
                reload();
            } catch (Fields.InvalidField stop) {
                // the field is marked and the user told
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("replacement-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(part, quantity, removed, note, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    private Grid<StepData> steps() {
        Grid<StepData> grid = new Grid<>();
        grid.setId("order-steps");
        grid.setCaption(msg.get("order.steps"));
        grid.setWidth("100%");
        List<StepData> steps = o.steps() == null ? List.of() : o.steps();
        grid.setItems(steps);
        grid.setHeightByRows(Math.max(2, Math.min(10, steps.size())));
        grid.addColumn(s -> Times.dateTime(s.at())).setCaption(msg.get("step.at")).setWidth(160);
        grid.addColumn(StepData::actor).setCaption(msg.get("step.actor")).setWidth(130);
        grid.addColumn(s -> (s.fromStatus() == null ? "" : RepairUi.label(msg, "orderStatus", s.fromStatus()) + " → ")
                + RepairUi.label(msg, "orderStatus", s.status())).setCaption(msg.get("order.status"));
        grid.addColumn(s -> Fields.shown(s.note())).setCaption(msg.get("action.note"));
        return grid;
    }
}
