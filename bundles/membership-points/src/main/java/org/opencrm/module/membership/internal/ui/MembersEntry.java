package org.opencrm.module.membership.internal.ui;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.service.CardService;
import org.opencrm.module.membership.internal.service.LedgerService;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.module.membership.internal.service.Rules;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Membership → Members: find by card number, member number or mobile; {@code #!members/<id>} is a member's page. */
@Component(service = NavigationEntry.class)
public class MembersEntry extends BaseMenuEntry {
    private final MembershipUi.Services services;

    @Activate
    public MembersEntry(@Reference MemberService members, @Reference CardService cards, @Reference LedgerService ledger,
            @Reference PromotionService promotions, @Reference Rules rules, @Reference CustomerDirectory customers) {
        super(MembershipUi.MEMBERS, "membership", 10, MembershipModule.READ, MembershipUi::messages, "menu.members");
        this.services = new MembershipUi.Services(members, cards, ledger, promotions, rules, customers);
    }

    @Override
    public Object createView(UiContext context) {
        return new MembersView(services, context);
    }
}
