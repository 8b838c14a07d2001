package ${package}.internal.ui;

import ${package}.internal.${className}Names;
import ${package}.internal.${className}Service;
import ${package}.internal.${className}Service.${className}Data;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Grid;

/** A tab on the contact page: the contact's records of this module, and the form to record one on that contact. */
@Component(service = RecordTab.class)
public class Contact${className}Tab extends BaseRecordTab {
    public static final String ID = ${className}Names.ID + ".contact";

    @Activate
    public Contact${className}Tab(@Reference ${className}Service service) {
        super(ID, Record.CONTACT, 100, ${className}Names.READ, ${className}Entry::messages, "tab", (c, id) -> content(service, c, id));
    }

    private static Object content(${className}Service service, UiContext context, long contactId) {
        Messages msg = ${className}Entry.messages(context.locale());
        ConfigurableFilterDataProvider<${className}Data, Void, String> data = PagedData.of(p -> service.list(context.user(), contactId, p));
        Grid<${className}Data> grid = grid(data, msg, "${moduleId}-contact-grid");
        grid.setHeight("240px");
        return column("${moduleId}-contact", new ${className}Form(service, context, msg, null, () -> contactId, "${moduleId}-tab", data::refreshAll), grid);
    }

    /** The records' grid (newest first), here and on the module's page. */
    static Grid<${className}Data> grid(ConfigurableFilterDataProvider<${className}Data, Void, String> data, Messages msg, String id) {
        Grid<${className}Data> grid = new Grid<>(data);
        grid.setId(id);
        grid.setWidth("100%");
        grid.addColumn(r -> Times.dateTime(r.createdAt())).setCaption(msg.get("when")).setWidth(160);
        grid.addColumn(${className}Data::title).setCaption(msg.get("title"));
        grid.addColumn(r -> r.amount().toPlainString()).setCaption(msg.get("amount")).setWidth(140);
        grid.addColumn(${className}Data::createdBy).setCaption(msg.get("by")).setWidth(120);
        return grid;
    }
}
