package org.opencrm.ui.internal;

import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Audit trail: every module's changes, filterable. */
@Component(service = NavigationEntry.class)
public class AuditTrailEntry extends BaseMenuEntry {
    @Activate
    public AuditTrailEntry(@Reference AuditTrail audit) {
        super("admin.audit", "admin", 30, "core.audit.read", CrmUI::shellMessages, "menu.admin.audit", c -> new AuditTrailView(audit, c));
    }
}
