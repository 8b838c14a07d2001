package org.opencrm.module.channel.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.dto.CreditData;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.platform.api.security.CrmUser;

/** One partner's credit position. */
@Command(scope = "channel", name = "credit", description = "A partner's credit: limit, receivables, orders not invoiced, exposure, available, overdue")
@Service
public class CreditCommand implements Action {
    @Reference
    PartnerService partners;

    @Argument(index = 0, name = "accountId", required = true, description = "the partner's account id")
    long accountId;

    @Override
    public Object execute() {
        PartnerData p = partners.get(CrmUser.SYSTEM, accountId);
        CreditData c = p.credit();
        System.out.printf("%s (%d) grade %s%s, term %s (%d days), credit status %s%n", p.accountName(), p.accountId(), p.grade(), p.gradeFixed() ? " (fixed)" : "",
                p.term(), p.termDays(), p.creditStatus());
        System.out.printf("limit %s, receivables %s, orders not invoiced %s, exposure %s, available %s, overdue %s (oldest %d days)%n", c.limit(),
                c.receivables(), c.pendingOrders(), c.exposure(), c.available(), c.overdue(), c.oldestOverdueDays());
        return null;
    }
}
