package org.opencrm.module.handset.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor and permissions: what the platform lists and checks. */
@Component(service = { CrmModule.class, PermissionSet.class, RefusalTexts.class })
public class HandsetModule implements CrmModule, PermissionSet, RefusalTexts {
    /** Where the REST API finds this module's refusals in the caller's language: the error.* entries of its UI texts. */
    private static final String REFUSALS = "org.opencrm.module.handset.internal.ui.messages";

    public static final String ID = HandsetNames.ID;
    /** See units, models, cards, history and warranty answers (within one's data scope). */
    public static final String READ = HandsetNames.PERMISSION_PREFIX + "read";
    /** Register units, maintain the model catalogue, restock or scrap units. */
    public static final String WRITE = HandsetNames.PERMISSION_PREFIX + "write";
    /** Register sales (warranty cards), returns, exchanges and ownership transfers; import cards. */
    public static final String SALE = HandsetNames.PERMISSION_PREFIX + "sale";
    /** Return or exchange outside the windows, or exchange for another model, with a recorded reason (HQ). */
    public static final String OVERRIDE = HandsetNames.PERMISSION_PREFIX + "override";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Handset registry";
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

    /** Store staff sell handsets; service centres and HQ's service desk look units up. */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("store", List.of(READ, SALE), "service", List.of(READ), "service-hq", List.of(READ));
    }

    @Override
    public String baseName() {
        return REFUSALS;
    }
}
