package org.opencrm.module.channel.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;

/** Lists partners with grade, credit limit, available credit and overdue amount. */
@Command(scope = "channel", name = "partners", description = "List channel partners: grade, credit limit, available credit, overdue, credit status")
@Service
public class PartnersCommand implements Action {
    @Reference
    PartnerService partners;

    @Argument(index = 0, name = "name", required = false, description = "a name prefix")
    String q;

    @Option(name = "--grade", description = "only this grade")
    String grade;

    @Option(name = "--status", description = "only this credit status (NORMAL, ON_HOLD, BLACKLISTED)")
    String status;

    @Option(name = "--limit", description = "at most this many rows (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        Page<PartnerData> page = partners.list(CrmUser.SYSTEM, PageRequest.of(q, 0, limit), grade, status);
        System.out.printf("%-10s %-30s %-10s %14s %14s %14s %-10s%n", "ACCOUNT", "NAME", "GRADE", "LIMIT", "AVAILABLE", "OVERDUE", "STATUS");
        for (PartnerData p : page.items()) {
            System.out.printf("%-10d %-30s %-10s %14s %14s %14s %-10s%n", p.accountId(), p.accountName(), p.grade() + (p.gradeFixed() ? "*" : ""),
                    p.creditLimit(), p.credit().available(), p.credit().overdue(), p.creditStatus());
        }
        System.out.printf("%d of %d partner(s); * grade fixed by HQ%n", page.items().size(), page.total());
        return null;
    }
}
