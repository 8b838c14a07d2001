package org.opencrm.platform.core.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.region.Region;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.ui.DivisionSelects;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Create or edit an account. The service checks the hierarchy (parent exists, no cycles, partners only below their
 * own account); its error is shown at the named field and the window keeps what was typed.
 */
final class AccountForm {
    private AccountForm() {
    }

    /** {@code existing} null creates; {@code parentId} pre-fills the parent of a new account. */
    static void open(AccountService accounts, CustomerDirectory customers, Regions regions, AdministrativeDivisions divisions, UiContext context, AccountData existing, Long parentId, Consumer<AccountData> saved) {
        Messages msg = CoreUi.messages(context.locale());
        Window window = new Window(msg.get(existing == null ? "account.new" : "account.edit"));
        window.setModal(true);
        window.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField name = Fields.text(msg.get("account.name"), "account-name");
        ComboBox<AccountType> type = new ComboBox<>(msg.get("account.type"), List.of(AccountType.values()));
        type.setId("account-type");
        type.setItemCaptionGenerator(t -> msg.label("accountType", t));
        type.setEmptySelectionAllowed(false);
        type.setWidth("100%");
        RecordPicker<Long> parent = Pickers.account(customers, context, msg.get("account.parentId"), "account-parent");
        // the region from the catalogue, by its name in the user's language (a code the catalogue no longer has stays choosable)
        List<String> regionCodes = new java.util.ArrayList<>(regions.all().stream().map(Region::code).toList());
        if (existing != null && existing.region() != null && !regionCodes.contains(existing.region())) {
            regionCodes.add(existing.region());
        }
        ComboBox<String> region = new ComboBox<>(msg.get("account.region"), regionCodes);
        region.setId("account-region");
        region.setWidth("100%");
        region.setItemCaptionGenerator(code -> regions.name(code, context.locale()));
        // 省/市/区 as on the contact form: cascading selects on the national divisions, stored as names and code
        DivisionSelects division = new DivisionSelects(divisions, context.locale(), "account");
        TextField address = Fields.text(msg.get("account.address"), "account-address");
        TextField phone = Fields.text(msg.get("account.phone"), "account-phone");
        if (existing != null) {
            name.setValue(Fields.shown(existing.name()));
            type.setValue(existing.type());
            parent.setValue(existing.parentId());
            region.setValue(existing.region());
            division.show(existing.province(), existing.city(), existing.district(), existing.divisionCode());
            address.setValue(Fields.shown(existing.address()));
            phone.setValue(Fields.shown(existing.phone()));
        } else {
            type.setValue(AccountType.STORE);
            parent.setValue(parentId);
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("parentId", parent);
        fields.put("region", region);
        division.register(fields);
        fields.put("address", address);
        fields.put("phone", phone);
        Button save = new Button(msg.get("action.save"), e -> {
            Long parentValue = parent.getValue();
            AccountData in = new AccountData(existing == null ? null : existing.id(), name.getValue().strip(), type.getValue(), parentValue,
                    region.getValue(), division.province(), division.city(), division.district(), division.divisionCode(), Fields.typed(address.getValue()), Fields.typed(phone.getValue()),
                    existing == null ? null : existing.status(), existing == null ? null : existing.owner(), null, null, null, null,
                    existing == null ? null : existing.version());
            try {
                AccountData result = existing == null ? accounts.create(context.user(), in) : accounts.update(context.user(), existing.id(), in);
                window.close();
                Feedback.done(msg.get("account.saved", result.name()));
                saved.accept(result);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields);
            }
        });
        save.setId("account-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(name, type, parent, region);
        form.addComponents(division.components());
        form.addComponents(address, phone, save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
        name.focus();
    }
}
