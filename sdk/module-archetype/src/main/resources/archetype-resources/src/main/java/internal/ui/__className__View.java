package ${package}.internal.ui;

import ${package}.internal.${className}Service;
import ${package}.internal.${className}Service.${className}Data;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
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

        ConfigurableFilterDataProvider<${className}Data, Void, String> data = PagedData.of(p -> service.list(context.user(), null, p));
        RecordPicker<Long> contact = Pickers.contact(customers, context, msg.get("contact"), "${moduleId}-contact");
        addComponents(title, new Label(msg.get("about")),
                new ${className}Form(service, context, msg, contact, contact::getValue, "${moduleId}", data::refreshAll),
                Contact${className}Tab.grid(data, msg, "${moduleId}-grid"));
    }
}
