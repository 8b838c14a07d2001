package ${package}.internal.ui;

import java.math.BigDecimal;
import java.util.Map;

import ${package}.internal.${className}Names;
import ${package}.internal.${className}Service;
import ${package}.internal.${className}Service.RecordData;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The list of the records the user may see (paged by the service, within the user's data scope) and the form to
 * record one: the contact is chosen with the platform's record picker (by name or mobile, scope-aware), never typed
 * as an id.
 */
final class ${className}View extends VerticalLayout {
    ${className}View(${className}Service service, CustomerDirectory customers, UiContext context) {
        Messages msg = ${className}Entry.messages(context.locale());
        setMargin(false);
        setId("${moduleId}-view");
        Label title = new Label(msg.get("menu"));
        title.addStyleName(ValoTheme.LABEL_H2);

        ConfigurableFilterDataProvider<RecordData, Void, String> data = PagedData.of(p -> service.list(context.user(), null, p));
        Grid<RecordData> grid = new Grid<>(data);
        grid.setId("${moduleId}-grid");
        grid.setWidth("100%");
        grid.addColumn(r -> Times.dateTime(r.createdAt())).setCaption(msg.get("when")).setWidth(160);
        grid.addColumn(RecordData::title).setCaption(msg.get("title"));
        grid.addColumn(r -> r.amount().toPlainString()).setCaption(msg.get("amount")).setWidth(140);
        grid.addColumn(RecordData::createdBy).setCaption(msg.get("by")).setWidth(120);

        addComponents(title, new Label(msg.get("about")));
        if (context.user().hasPermission(${className}Names.WRITE)) {
            addComponent(form(service, customers, context, msg, data));
        }
        addComponent(grid);
    }

    private static FormLayout form(${className}Service service, CustomerDirectory customers, UiContext context, Messages msg,
            ConfigurableFilterDataProvider<RecordData, Void, String> data) {
        RecordPicker<Long> contact = Pickers.contact(customers, context, msg.get("contact"), "${moduleId}-contact");
        TextField title = new TextField(msg.get("title"));
        title.setId("${moduleId}-title");
        title.setWidth("420px");
        TextField amount = new TextField(msg.get("amount"));
        amount.setId("${moduleId}-amount");
        amount.setPlaceholder("0.00");
        Button save = new Button(msg.get("add"), e -> {
            try {
                service.create(context.user(), new RecordData(null, contact.getValue(), null, title.getValue(), amount(amount.getValue()), null, null));
                contact.clear();
                title.clear();
                amount.clear();
                Feedback.done(msg.get("added"));
                data.refreshAll();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("contactId", contact, "title", title, "amount", amount));
            }
        });
        save.setId("${moduleId}-add");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        return new FormLayout(contact, title, amount, save);
    }

    /** The typed amount; the service checks decimals, sign and limit (Money) and names the field. */
    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "'" + text + "' is not an amount in yuan", "money.notAnAmount", "amount", text);
        }
    }
}
