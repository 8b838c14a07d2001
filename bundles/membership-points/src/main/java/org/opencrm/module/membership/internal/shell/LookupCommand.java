package org.opencrm.module.membership.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.platform.api.security.CrmUser;

@Command(scope = "membership", name = "member", description = "A member by card number, member number or mobile: tier, status, balances and cards")
@Service
public class LookupCommand implements Action {
    @Reference
    MemberService members;

    @Argument(index = 0, name = "key", required = true, description = "card number, member number (M...) or mobile")
    String key;

    @Override
    public Object execute() {
        MemberData m = members.lookup(CrmUser.SYSTEM, key).orElse(null);
        if (m == null) {
            System.out.println("no member for " + key);
            return null;
        }
        System.out.printf("%s (id %d) %s %s, contact %d, tier %s, %s, points %d, stored value %s CNY, joined at store %s%n", m.memberNumber(), m.id(),
                m.name(), m.mobile(), m.contactId(), m.tier(), m.status(), m.pointsBalance(), m.valueBalance().toPlainString(), m.joinStoreAccountId());
        for (CardData c : m.cards()) {
            System.out.printf("  card %s %s %s%s%n", c.cardNumber(), c.kind(), c.status(), c.parentCardId() == null ? "" : " (child)");
        }
        return null;
    }
}
