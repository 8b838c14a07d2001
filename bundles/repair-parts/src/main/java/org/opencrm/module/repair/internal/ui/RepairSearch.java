package org.opencrm.module.repair.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.dto.ServiceRequestSearch;
import org.opencrm.module.repair.internal.model.ReplacementStatus;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.PendingWork;
import org.opencrm.platform.api.ui.SearchHit;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The header search for repair orders and service requests by number (RO…, SR…), and the badges of the repair
 * module's pending work: part requests waiting for HQ's approval, overdue service requests.
 */
public final class RepairSearch {
    private RepairSearch() {
    }

    /** Repair orders and service requests by (the start of) their number. */
    @Component(service = HeaderSearch.class)
    public static class Numbers implements HeaderSearch {
        private final RepairScreens screens;

        @Activate
        public Numbers(@Reference RepairScreens screens) {
            this.screens = screens;
        }

        @Override
        public String label(Locale locale) {
            Messages msg = RepairUi.messages(locale);
            return msg.get("menu.repair-orders") + " / " + msg.get("menu.service-desk");
        }

        @Override
        public List<SearchHit> search(UiContext context, String text, int limit) {
            String q = text.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!q.matches("(RO|SR)\\d*") || q.length() < 4) {
                return List.of();
            }
            Messages msg = RepairUi.messages(context.locale());
            List<SearchHit> hits = new ArrayList<>();
            PageRequest page = new PageRequest(q, 0, limit);
            if (q.startsWith("RO")) {
                screens.orders.search(context.user(), new RepairOrderSearch(q, null, null, null, null, null), page).items()
                        .forEach(o -> hits.add(new SearchHit(o.number(), o.imei() + " · " + RepairUi.label(msg, "orderStatus", o.status()), RepairUi.ORDERS + "/" + o.number())));
            } else {
                screens.requests.search(context.user(), new ServiceRequestSearch(q, "ALL", null, null, null, null), page).items()
                        .forEach(r -> hits.add(new SearchHit(r.number(), RepairUi.label(msg, "requestStatus", r.status()), RepairUi.DESK + "/" + r.id())));
            }
            return hits;
        }
    }

    /** In-warranty part requests waiting for HQ (approvers see the badge on Part approvals). */
    @Component(service = PendingWork.class)
    public static class PendingApprovals implements PendingWork {
        private final RepairScreens screens;

        @Activate
        public PendingApprovals(@Reference RepairScreens screens) {
            this.screens = screens;
        }

        @Override
        public String entryId() {
            return RepairUi.APPROVALS;
        }

        @Override
        public long count(UiContext context) {
            return screens.replacements.search(context.user(), ReplacementStatus.PENDING.name(), Boolean.TRUE, new PageRequest(null, 0, 1)).total();
        }
    }

    /** Open service requests past their due time, within the user's scope (the badge on Service desk). */
    @Component(service = PendingWork.class)
    public static class OverdueRequests implements PendingWork {
        private final RepairScreens screens;

        @Activate
        public OverdueRequests(@Reference RepairScreens screens) {
            this.screens = screens;
        }

        @Override
        public String entryId() {
            return RepairUi.DESK;
        }

        @Override
        public long count(UiContext context) {
            return screens.requests.search(context.user(), new ServiceRequestSearch(null, null, null, null, Boolean.TRUE, null), new PageRequest(null, 0, 1)).total();
        }
    }
}
