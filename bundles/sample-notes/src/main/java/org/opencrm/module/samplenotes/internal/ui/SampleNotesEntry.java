package org.opencrm.module.samplenotes.internal.ui;

import java.util.Locale;

import org.opencrm.module.samplenotes.internal.SampleNotesNames;
import org.opencrm.module.samplenotes.internal.SampleNotesService;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's menu entry (group "customers"): its list of records and the form to record one. */
@Component(service = NavigationEntry.class)
public class SampleNotesEntry extends BaseMenuEntry {
    /** The menu entry's id: the deep link #!sample-notes and the page's element ids start with it. */
    public static final String ID = SampleNotesNames.ID;

    @Activate
    public SampleNotesEntry(@Reference SampleNotesService service, @Reference CustomerDirectory customers) {
        super(ID, "customers", 100, SampleNotesNames.READ, SampleNotesEntry::messages, "menu", context -> new SampleNotesView(service, customers, context));
    }

    static Messages messages(Locale locale) {
        return Messages.of(SampleNotesEntry.class, SampleNotesNames.MESSAGES, locale);
    }
}
