package org.opencrm.module.audit.internal;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/**
 * The module's descriptor, its permissions with their default role grants, and where its refusals are worded (the
 * REST API's error bodies in the caller's language).
 */
@Component(service = { CrmModule.class, PermissionSet.class, RefusalTexts.class })
public class FranchiseAuditModule implements CrmModule, PermissionSet, RefusalTexts {
    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public String baseName() {
        return MESSAGES;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See store audits, results and corrective actions; answer one's own stores' actions"),
                new Permission(PERFORM, "Do store audits: start, answer, photograph, submit"),
                new Permission(VERIFY, "Verify corrective actions (accept or reopen)"),
                new Permission(TEMPLATE, "Edit and publish audit checklist templates"),
                new Permission(ADMIN, "Audit plans, escalation of overdue actions and demo data"));
    }

    /**
     * Franchisees (partner and store users) read their stores' audits and answer actions; supervisors (a role this
     * module adds) audit and verify; managers do everything.
     */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("store", List.of(READ), "partner", List.of(READ),
                ROLE_SUPERVISOR, List.of(READ, PERFORM, VERIFY),
                "manager", List.of(READ, PERFORM, VERIFY, TEMPLATE, ADMIN));
    }
}
