package ${package}.internal.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ${package}.internal.${className}Names;
import ${package}.internal.${className}Service;
import ${package}.internal.${className}Service.${className}Data;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordPicker;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The form that records one ${moduleName} record, on the module's page (the contact picked by name or mobile) and on
 * the contact page's tab (the contact is the page's). The service checks every field (Validation, Money); a refusal
 * marks the field it names. One column: on a phone the platform's styles put each caption above its field.
 */
final class ${className}Form extends FormLayout {
    private final TextField title;
    private final TextField amount;

    /**
     * @param contactPicker the contact picker, or null when the form is for one contact
     * @param contactId the contact to record on: the picker's value or the page's contact
     * @param idPrefix the start of the form's element ids (browser tests and field errors find the fields by them)
     * @param saved what to do once a record is saved (refresh the list)
     */
    ${className}Form(${className}Service service, UiContext context, Messages msg, RecordPicker<Long> contactPicker, Supplier<Long> contactId,
            String idPrefix, Runnable saved) {
        setWidth("100%");
        setMargin(false);
        setId(idPrefix + "-form");
        title = Fields.text(msg.get("title"), idPrefix + "-title");
        amount = Fields.text(msg.get("amount"), idPrefix + "-amount");
        amount.setPlaceholder("0.00");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        if (contactPicker != null) {
            fields.put("contactId", contactPicker);
            addComponent(contactPicker);
        }
        fields.put("title", title);
        fields.put("amount", amount);
        Button save = new Button(msg.get("add"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                service.create(context.user(), new ${className}Data(null, contactId.get(), null, title.getValue(), amount(amount.getValue()), null, null));
                if (contactPicker != null) {
                    contactPicker.clear();
                }
                title.clear();
                amount.clear();
                Feedback.done(msg.get("added"));
                saved.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId(idPrefix + "-add");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        addComponents(title, amount, save);
        setVisible(context.user().hasPermission(${className}Names.WRITE));
    }

    /** The typed amount; the service checks decimals, sign and limit (Money) and names the field. */
    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "'" + text + "' is not an amount in yuan", "money.notAnAmount", text);
        }
    }
}
