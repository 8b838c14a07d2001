package org.opencrm.module.repair.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor and permissions. The handset registry is used when present, never required. */
@Component(service = { CrmModule.class, PermissionSet.class, RefusalTexts.class })
public class RepairModule implements CrmModule, PermissionSet, RefusalTexts {
    /** Where the REST API finds this module's refusals in the caller's language: the error.* entries of its UI texts. */
    private static final String REFUSALS = "org.opencrm.module.repair.internal.ui.messages";

    public static final String ID = RepairNames.ID;
    /** See service requests, repair orders, parts, stock, parts orders, returns and analytics (within one's data scope). */
    public static final String READ = RepairNames.PERMISSION_PREFIX + "read";
    /** The service desk and the workshop: service requests, repair orders, quotes, part requests, parts orders, returns. */
    public static final String WRITE = RepairNames.PERMISSION_PREFIX + "write";
    /** HQ: approve or reject in-warranty part replacements. */
    public static final String APPROVE = RepairNames.PERMISSION_PREFIX + "approve";
    /** Warehouses: receipts, adjustments, transfers, approving and shipping parts orders, receiving returned parts. */
    public static final String STOCK = RepairNames.PERMISSION_PREFIX + "stock";
    /** The parts catalogue, fault codes, warehouses, the escalation run, demo data. */
    public static final String ADMIN = RepairNames.PERMISSION_PREFIX + "admin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Repair and parts";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See service requests, repair orders, parts, stock, parts orders, part returns and fault analytics"),
                new Permission(WRITE, "Open and route service requests, receive and work repair orders, quote, request parts, order parts, return defective parts"),
                new Permission(APPROVE, "Approve or reject in-warranty part replacements (HQ)"),
                new Permission(STOCK, "Book receipts, adjustments and transfers; approve and ship parts orders; receive returned parts"),
                new Permission(ADMIN, "Maintain the parts catalogue, fault codes and warehouses; run escalation; load demo data"));
    }

    /** Service centres run the desk and the workshop; HQ's service staff do everything of the module. */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("service", List.of(READ, WRITE), "service-hq", List.of(RepairNames.PERMISSION_PREFIX + "*"));
    }

    @Override
    public String baseName() {
        return REFUSALS;
    }
}
