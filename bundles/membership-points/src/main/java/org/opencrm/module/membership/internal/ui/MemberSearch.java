package org.opencrm.module.membership.internal.ui;

import java.util.List;
import java.util.Locale;

import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.SearchHit;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The header search for members: a whole card number, member number or mobile (what the till looks up). */
@Component(service = HeaderSearch.class)
public class MemberSearch implements HeaderSearch {
    private final MemberService members;

    @Activate
    public MemberSearch(@Reference MemberService members) {
        this.members = members;
    }

    @Override
    public String label(Locale locale) {
        return MembershipUi.messages(locale).get("menu.members");
    }

    @Override
    public List<SearchHit> search(UiContext context, String text, int limit) {
        String key = text.replace(" ", "");
        if (!key.matches("[A-Za-z0-9-]{6,40}") || !key.matches(".*\\d{4}.*")) {
            return List.of();
        }
        return members.lookup(context.user(), key).stream()
                .map(m -> new SearchHit(m.name(), m.memberNumber() + (m.mobile() == null ? "" : " · " + m.mobile()), MembershipUi.MEMBERS + "/" + m.id()))
                .toList();
    }
}
