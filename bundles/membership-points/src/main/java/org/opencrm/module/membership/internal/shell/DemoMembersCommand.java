package org.opencrm.module.membership.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.platform.api.security.CrmUser;

/** Enrols demo members (new contacts with mobiles 1990000xxxx... and a COMBINED card) for demos and benchmarks. */
@Command(scope = "membership", name = "demo-members", description = "Enrol demo members (new contacts, each with an active COMBINED card) at a store")
@Service
public class DemoMembersCommand implements Action {
    @Reference
    MemberService members;

    @Argument(index = 0, name = "count", required = true, description = "how many members")
    int count;

    @Option(name = "--store", required = true, description = "the join store's account id")
    long store;

    @Option(name = "--mobile-prefix", description = "first digits of the generated mobiles (11 digits in all)")
    String prefix = "199";

    @Override
    public Object execute() {
        long t0 = System.nanoTime();
        int created = 0;
        int skipped = 0;
        for (int i = 0; i < count; i++) {
            String mobile = prefix + String.format("%0" + (11 - prefix.length()) + "d", i);
            try {
                members.enrol(CrmUser.SYSTEM, new EnrolRequest(null, "演示会员 " + i, mobile, store, null, "COMBINED", 95));
                created++;
            } catch (RuntimeException e) {
                skipped++; // already a member (a second run), or a rule of the core refused it
            }
        }
        System.out.printf("%d members enrolled, %d skipped, in %.1f s%n", created, skipped, (System.nanoTime() - t0) / 1e9);
        return null;
    }
}
