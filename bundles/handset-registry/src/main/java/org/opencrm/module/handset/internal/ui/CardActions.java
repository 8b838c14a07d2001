package org.opencrm.module.handset.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.ExchangeRequest;
import org.opencrm.module.handset.internal.dto.ExchangeResult;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.ReturnRequest;
import org.opencrm.module.handset.internal.dto.TransferRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CustomerFields;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Return (7 days), exchange (15 days) and ownership transfer of a sold unit. Outside the windows the service refuses
 * with the days elapsed; users with the override permission see a reason field, and the reason is kept in the
 * unit's history.
 */
final class CardActions {
    private CardActions() {
    }

    static void returnUnit(HandsetScreens screens, UiContext context, HandsetData h, Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        DateField date = date(msg, "return-date");
        TextArea note = note(msg, "return-note");
        TextField override = override(context, msg, "return-override");
        Map<String, AbstractComponent> fields = fields("date", date, "note", note, "overrideReason", override);
        window(msg, msg.get("action.return") + " · " + h.imei(), "return-save", fields, List.of(new Label(msg.get("rule.return")), date, note, override),
                () -> {
                    HandsetData done = screens.sales().returnUnit(context.user(), h.imei(),
                            new ReturnRequest(date.getValue(), Fields.typed(note.getValue()), Fields.typed(override.getValue())));
                    Feedback.done(msg.get("return.done", done.imei()));
                    open.accept(done.imei());
                });
    }

    static void exchange(HandsetScreens screens, UiContext context, HandsetData h, Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        TextField newImei = Fields.text(msg.get("exchange.newImei"), "exchange-new-imei");
        DateField date = date(msg, "exchange-date");
        TextArea note = note(msg, "exchange-note");
        note.setPlaceholder(msg.get("exchange.faultHint"));
        TextField override = override(context, msg, "exchange-override");
        Map<String, AbstractComponent> fields = fields("newImei", newImei, "date", date, "note", note, "overrideReason", override);
        window(msg, msg.get("action.exchange") + " · " + h.imei(), "exchange-save", fields,
                List.of(new Label(msg.get("rule.exchange")), newImei, date, note, override), () -> {
                    ExchangeResult done = screens.sales().exchange(context.user(), h.imei(), new ExchangeRequest(newImei.getValue().strip(),
                            date.getValue(), Fields.typed(note.getValue()), Fields.typed(override.getValue()), null));
                    Feedback.done(msg.get("exchange.done", done.returned().imei(), done.issued().imei()));
                    open.accept(done.issued().imei());
                });
    }

    static void transfer(HandsetScreens screens, UiContext context, HandsetData h, Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        CustomerFields owner = new CustomerFields(screens.customers(), context, "transfer", "owner");
        TextArea note = note(msg, "transfer-note");
        Map<String, AbstractComponent> fields = fields("ownerMobile", owner.mobile, "ownerName", owner.name, "contactId", owner.mobile, "note", note);
        window(msg, msg.get("action.transfer") + " · " + h.imei(), "transfer-save", fields,
                List.of(new Label(msg.get("rule.transfer")), owner.mobile, owner.found, owner.name, note), () -> {
                    long contactId = owner.resolve(h.storeAccountId());
                    HandsetData done = screens.sales().transfer(context.user(), h.imei(), new TransferRequest(contactId, Fields.typed(note.getValue())));
                    Feedback.done(msg.get("transfer.done", done.imei()));
                    open.accept(done.imei());
                });
    }

    private static void window(Messages msg, String title, String saveId, Map<String, AbstractComponent> fields, List<Component> content, Runnable save) {
        Window w = new Window(title);
        w.setModal(true);
        w.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        content.forEach(form::addComponent);
        Button ok = new Button(msg.get("action.confirm"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                save.run();
                w.close();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        ok.setId(saveId);
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponent(ok);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    private static DateField date(Messages msg, String id) {
        DateField d = new org.opencrm.ui.DateInput(msg.get("card.date"), Times.today());
        d.setId(id);
        d.setDateFormat("yyyy-MM-dd");
        return d;
    }

    private static TextArea note(Messages msg, String id) {
        TextArea t = new TextArea(msg.get("history.note"));
        t.setId(id);
        t.setWidth("100%");
        t.setRows(2);
        return t;
    }

    /** The override reason: only for users who may override, and only used when the rules would refuse. */
    private static TextField override(UiContext context, Messages msg, String id) {
        TextField t = Fields.text(msg.get("history.overrideReason"), id);
        t.setPlaceholder(msg.get("override.hint"));
        t.setVisible(context.user().hasPermission(HandsetModule.OVERRIDE));
        return t;
    }

    private static Map<String, AbstractComponent> fields(Object... pairs) {
        Map<String, AbstractComponent> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (AbstractComponent) pairs[i + 1]);
        }
        return m;
    }

}
