package org.opencrm.module.membership.internal.ui;

import java.util.Locale;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.service.CardService;
import org.opencrm.module.membership.internal.service.LedgerService;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.module.membership.internal.service.Rules;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Membership → Members: find by card number, member number or mobile; {@code #!members/<id>} is a member's page. */
@Component(service = NavigationEntry.class)
public class MembersEntry implements NavigationEntry {
    private final MembershipUi.Services services;

    @Activate
    public MembersEntry(@Reference MemberService members, @Reference CardService cards, @Reference LedgerService ledger,
            @Reference PromotionService promotions, @Reference Rules rules, @Reference CustomerDirectory customers) {
        this.services = new MembershipUi.Services(members, cards, ledger, promotions, rules, customers);
    }

    @Override
    public String id() {
        return MembershipUi.MEMBERS;
    }

    @Override
    public String label(Locale locale) {
        return MembershipUi.messages(locale).get("menu.members");
    }

    @Override
    public String group() {
        return "membership";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String permission() {
        return MembershipModule.READ;
    }

    @Override
    public Object createView(UiContext context) {
        return new MembersView(services, context);
    }

    @Override
    public void enter(Object view, String parameters) {
        ((MembersView) view).show(parameters);
    }
}
