package org.opencrm.module.membership.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Sign-up at the counter: an existing contact (from its page) or name and mobile; the join store; the first card. */
final class EnrolForm {
    private EnrolForm() {
    }

    static void open(MembershipUi.Services services, UiContext context, Long contactId, LongConsumer open) {
        Messages msg = MembershipUi.messages(context.locale());
        Window w = new Window(msg.get("members.enrol"));
        w.setModal(true);
        w.setWidth("480px");
        TextField name = Fields.text(msg.get("member.name"), "enrol-name");
        TextField mobile = Fields.text(msg.get("member.mobile"), "enrol-mobile");
        name.setVisible(contactId == null);
        mobile.setVisible(contactId == null);
        org.opencrm.ui.DateInput birthday = new org.opencrm.ui.DateInput(msg.get("member.birthday"));
        birthday.setDateFormat("yyyy-MM-dd");
        birthday.setVisible(contactId == null);
        RecordPicker<Long> store = Pickers.store(services.customers(), context, msg.get("member.joinStoreId"), "enrol-store");
        var scope = context.user().scope();
        if (scope.type() == ScopeType.STORE && scope.accountId() != null) {
            store.setValue(scope.accountId());
        }
        ComboBox<String> kind = new ComboBox<>(msg.get("card.kind"), List.of("MEMBER", "STORED_VALUE", "DISCOUNT", "COMBINED"));
        kind.setId("enrol-kind");
        kind.setItemCaptionGenerator(k -> msg.get("cardKind." + k));
        kind.setEmptySelectionAllowed(false);
        kind.setValue("COMBINED");
        // a discount or combined card needs the discount (the percent of the price the member pays); the others have none
        TextField discount = Fields.text(msg.get("card.discount"), "enrol-discount");
        discount.setPlaceholder(msg.get("card.discountHint"));
        discount.setValue("95");
        kind.addValueChangeListener(e -> discount.setVisible(needsDiscount(e.getValue())));
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("mobile", mobile);
        fields.put("birthday", birthday);
        fields.put("joinStoreAccountId", store);
        fields.put("cardKind", kind);
        fields.put("discountPercent", discount);
        Button save = new Button(msg.get("members.enrol"), e -> {
            Long storeId = store.getValue();
            try {
                MemberData m = services.members().enrol(context.user(), new EnrolRequest(contactId, Fields.typed(name.getValue()),
                        Fields.typed(mobile.getValue()), storeId, birthday.checkedValue(), kind.getValue(), discount(discount, kind.getValue(), msg, fields)));
                w.close();
                Feedback.done(msg.get("member.enrolled", m.name(), m.memberNumber()));
                open.accept(m.id());
            } catch (Fields.InvalidField stop) {
                // marked at the field
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("enrol-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(name, mobile, birthday, store, kind, discount, save);
        form.setMargin(true);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    static boolean needsDiscount(String kind) {
        return "DISCOUNT".equals(kind) || "COMBINED".equals(kind);
    }

    /** The discount the card type needs (whole percent; the service checks 1–100), or null for a type without one. */
    private static Integer discount(TextField field, String kind, Messages msg, Map<String, AbstractComponent> fields) {
        if (!needsDiscount(kind)) {
            return null;
        }
        field.setValue(field.getValue() == null ? "" : field.getValue().replace("%", "").strip());
        return Fields.optionalId(field, msg.get("card.discountInvalid"), fields).map(Long::intValue).orElse(null);
    }
}
