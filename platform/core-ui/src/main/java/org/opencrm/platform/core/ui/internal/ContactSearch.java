package org.opencrm.platform.core.ui.internal;

import java.util.List;
import java.util.Locale;

import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.SearchHit;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The header search for contacts: a name prefix, or digits as a mobile prefix, within the user's data scope. */
@Component(service = HeaderSearch.class)
public class ContactSearch implements HeaderSearch {
    private final ContactService contacts;

    @Activate
    public ContactSearch(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String label(Locale locale) {
        return CoreUi.messages(locale).get("menu.contacts");
    }

    @Override
    public List<SearchHit> search(UiContext context, String text, int limit) {
        String q = text.replace(" ", "");
        if (q.startsWith("#") || q.matches("[A-Za-z]{2}\\d+")) {
            return List.of(); // record numbers belong to other searches
        }
        return contacts.firstMatches(context.user(), q.matches("[\\d+]+") ? q : text, limit).stream()
                .map(c -> new SearchHit(c.name(), c.mobile(), "contact/" + c.id())).toList();
    }
}
