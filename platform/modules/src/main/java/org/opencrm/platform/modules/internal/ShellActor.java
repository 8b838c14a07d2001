package org.opencrm.platform.modules.internal;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.UserService;

/** The CRM user behind a shell session: ssh logs in through the CRM user store; the local console is the system. */
final class ShellActor {
    private ShellActor() {
    }

    @SuppressWarnings("removal") // Karaf runs commands inside Subject.doAs; this is how its own commands read it
    static CrmUser current(UserService users) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null && users != null) {
            for (UserPrincipal p : subject.getPrincipals(UserPrincipal.class)) {
                var found = users.find(p.getName());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return CrmUser.SYSTEM;
    }
}
