package org.opencrm.module.handset.internal;

import java.util.List;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor and permissions: what the platform lists and checks. */
@Component(service = { CrmModule.class, PermissionSet.class })
public class HandsetModule implements CrmModule, PermissionSet {
    public static final String ID = "handset-registry";
    /** See units, models, cards, history and warranty answers (within one's data scope). */
    public static final String READ = "handset.read";
    /** Register units, maintain the model catalogue, restock or scrap units. */
    public static final String WRITE = "handset.write";
    /** Register sales (warranty cards), returns, exchanges and ownership transfers; import cards. */
    public static final String SALE = "handset.sale";
    /** Return or exchange outside the windows, or exchange for another model, with a recorded reason (HQ). */
    public static final String OVERRIDE = "handset.override";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Handset registry";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See handsets, models, warranty cards and warranty status"),
                new Permission(WRITE, "Register handsets, maintain the model catalogue, restock or scrap units"),
                new Permission(SALE, "Register sales (warranty cards), returns, exchanges and ownership transfers"),
                new Permission(OVERRIDE, "Return or exchange outside the 7/15-day windows or for another model, with a reason"));
    }
}
