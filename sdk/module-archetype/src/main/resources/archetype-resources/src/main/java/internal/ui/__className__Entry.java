package ${package}.internal.ui;

import java.util.Locale;

import ${package}.internal.${className}Names;
import ${package}.internal.${className}Service;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's menu entry (group "customers"): its list of records and the form to record one. */
@Component(service = NavigationEntry.class)
public class ${className}Entry extends BaseMenuEntry {
    /** The menu entry's id: the deep link #!${moduleId} and the page's element ids start with it. */
    public static final String ID = ${className}Names.ID;

    @Activate
    public ${className}Entry(@Reference ${className}Service service, @Reference CustomerDirectory customers) {
        super(ID, "customers", 100, ${className}Names.READ, ${className}Entry::messages, "menu", context -> new ${className}View(service, customers, context));
    }

    static Messages messages(Locale locale) {
        return Messages.of(${className}Entry.class, ${className}Names.MESSAGES, locale);
    }
}
