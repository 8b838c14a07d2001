package org.opencrm.platform.core.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.core.internal.service.ContactImports;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.Times;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Contacts: search-as-you-type (mobile, name or e-mail prefix) over a lazy grid that fetches only visible rows,
 * new contact, CSV import and CSV export of the current filter. A row opens the contact's 360-degree page.
 */
final class ContactsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    ContactsView(ContactService contacts, CustomerDirectory customers, ContactImports imports, ImportLimits limits, UiContext context,
            org.opencrm.platform.api.address.AdministrativeDivisions divisions) {
        Messages msg = CoreUi.messages(context.locale());
        setMargin(false);
        setId("contacts-view");
        Label title = new Label(msg.get("menu.contacts"));
        title.addStyleName(ValoTheme.LABEL_H2);

        Label total = new Label();
        total.setId("contacts-total");
        total.addStyleName("crm-muted");
        ConfigurableFilterDataProvider<ContactData, Void, String> data = PagedData.of(page -> {
            var result = contacts.search(context.user(), page, null, null);
            total.setValue(msg.get("contacts.total", result.total()));
            return result;
        });
        Grid<ContactData> grid = new Grid<>(data);
        grid.setId("contacts-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, ContactData::name, c -> "contact/" + c.id(), "contact-link", ContactData::id).setCaption(msg.get("contact.name")).setId("name");
        grid.addColumn(ContactData::mobile).setCaption(msg.get("contact.mobile"));
        grid.addColumn(ContactData::email).setCaption(msg.get("contact.email"));
        grid.addColumn(c -> join(c.province(), c.city())).setCaption(msg.get("contact.location"));
        grid.addColumn(c -> String.join(", ", c.tags())).setCaption(msg.get("contact.tags"));

        TextField search = new TextField();
        search.setId("contacts-search");
        search.setPlaceholder(msg.get("contacts.searchHint"));
        search.setWidth("360px");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.addValueChangeListener(e -> data.setFilter(e.getValue().isBlank() ? null : e.getValue().trim()));

        Button create = new Button(msg.get("contacts.new"), e -> ContactForm.open(contacts, customers, divisions, context, null, saved -> CrmSession.openContact(saved.id())));
        create.setId("contacts-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission("core.contact.write"));

        Button importCsv = new Button(msg.get("contacts.import"), e -> UI.getCurrent().addWindow(new ImportWindow(imports, limits, context, data::refreshAll)));
        importCsv.setId("contacts-import");
        Button export = new Button(msg.get("contacts.export"));
        export.setId("contacts-export");
        boolean csv = context.user().hasPermission("core.contact.export") && context.user().hasPermission("core.contact.write");
        importCsv.setVisible(csv);
        export.setVisible(context.user().hasPermission("core.contact.export"));
        // the export follows the search text at the moment of the click
        StreamResource file = new StreamResource(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write('\ufeff'); // so that Excel opens the UTF-8 file with Chinese names correctly
                String q = search.getValue().isBlank() ? null : search.getValue().trim();
                contacts.exportCsv(context.user(), q, null, null, w);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new ByteArrayInputStream(out.toByteArray());
        }, "contacts-" + Times.today() + ".csv");
        file.setMIMEType("text/csv; charset=UTF-8");
        new FileDownloader(file).extend(export);

        HorizontalLayout bar = new HorizontalLayout(search, create, importCsv, export);
        addComponents(title, bar, total, grid);
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + (b == null ? "" : " " + b);
    }
}
