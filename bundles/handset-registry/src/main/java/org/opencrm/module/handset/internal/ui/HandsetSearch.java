package org.opencrm.module.handset.internal.ui;

import java.util.List;
import java.util.Locale;

import org.opencrm.module.handset.internal.dto.SearchCriteria;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.SearchHit;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The header search for handsets: 4 or more digits as the start of an IMEI, else the serial number. */
@Component(service = HeaderSearch.class)
public class HandsetSearch implements HeaderSearch {
    private final HandsetService handsets;

    @Activate
    public HandsetSearch(@Reference HandsetService handsets) {
        this.handsets = handsets;
    }

    @Override
    public String label(Locale locale) {
        return HandsetUi.messages(locale).get("menu.handsets");
    }

    @Override
    public List<SearchHit> search(UiContext context, String text, int limit) {
        String t = text.replace(" ", "").replace("-", "");
        SearchCriteria criteria;
        if (t.matches("\\d{4,15}")) {
            criteria = new SearchCriteria(t, null, null, null, null, null);
        } else if (t.matches("[A-Za-z0-9]{4,40}") && !t.matches("(?i)(RO|SR|M)\\d+")) {
            criteria = new SearchCriteria(null, t, null, null, null, null);
        } else {
            return List.of();
        }
        var msg = HandsetUi.messages(context.locale());
        return handsets.search(context.user(), criteria, new PageRequest(null, 0, limit)).items().stream()
                .map(h -> new SearchHit(h.imei() + " · " + (h.modelName() == null ? h.modelCode() : h.modelName()), msg.label("status", h.status()),
                        HandsetUi.VIEW + "/" + h.imei()))
                .toList();
    }
}
