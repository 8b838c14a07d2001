package org.opencrm.ui.internal;

import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin → Audit trail: every module's changes, filterable. */
@Component(service = NavigationEntry.class)
public class AuditTrailEntry extends ShellEntry {
    private final AuditTrail audit;

    @Activate
    public AuditTrailEntry(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public String id() {
        return "admin.audit";
    }

    @Override
    public String group() {
        return "admin";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String permission() {
        return "core.audit.read";
    }

    @Override
    public Object createView(UiContext context) {
        return new AuditTrailView(audit, context);
    }
}
