package org.opencrm.module.membership.internal.ui;

import java.util.Optional;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.service.CardService;
import org.opencrm.module.membership.internal.service.LedgerService;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.module.membership.internal.service.Rules;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The contact page's "Membership" tab: tier and balances with a link to the member, or sign-up. */
@Component(service = RecordTab.class)
public class ContactMembershipTab extends BaseRecordTab {
    private final MembershipUi.Services services;

    @Activate
    public ContactMembershipTab(@Reference MemberService members, @Reference CardService cards, @Reference LedgerService ledger,
            @Reference PromotionService promotions, @Reference Rules rules, @Reference CustomerDirectory customers) {
        super("contact.membership", Record.CONTACT, 45, MembershipModule.READ, MembershipUi::messages, "tab.membership");
        this.services = new MembershipUi.Services(members, cards, ledger, promotions, rules, customers);
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = MembershipUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        layout.setId("contact-membership");
        // a member is found at the till by mobile; the same lookup finds this contact's membership
        Optional<MemberData> member = services.customers().contact(contactId).map(c -> c.mobile()).filter(mobile -> mobile != null)
                .flatMap(mobile -> services.members().lookup(context.user(), mobile)).filter(m -> m.contactId() == contactId);
        if (member.isPresent()) {
            MemberData m = member.get();
            Label summary = new Label(msg.get("tab.summary", m.memberNumber(), MembershipUi.tier(msg, m.tier()), String.format("%,d", m.pointsBalance()),
                    MembershipUi.yuan(m.valueBalance())));
            summary.setId("contact-membership-summary");
            Button open = new Button(msg.get("tab.open"), e -> CrmSession.navigate(MembershipUi.MEMBERS + "/" + m.id()));
            open.addStyleName(ValoTheme.BUTTON_LINK);
            layout.addComponents(summary, open);
        } else {
            layout.addComponent(new Label(msg.get("tab.notMember")));
            if (context.user().hasPermission(MembershipModule.WRITE)) {
                Button enrol = new Button(msg.get("members.enrol"),
                        e -> EnrolForm.open(services, context, contactId, id -> CrmSession.navigate(MembershipUi.MEMBERS + "/" + id)));
                enrol.setId("contact-membership-enrol");
                layout.addComponent(enrol);
            }
        }
        return layout;
    }
}
