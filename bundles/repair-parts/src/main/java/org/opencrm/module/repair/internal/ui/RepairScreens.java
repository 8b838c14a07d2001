package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.service.FaultCodeService;
import org.opencrm.module.repair.internal.service.PartCatalogService;
import org.opencrm.module.repair.internal.service.PartReturnService;
import org.opencrm.module.repair.internal.service.PartsOrderService;
import org.opencrm.module.repair.internal.service.RepairAnalytics;
import org.opencrm.module.repair.internal.service.RepairOrderService;
import org.opencrm.module.repair.internal.service.ReplacementService;
import org.opencrm.module.repair.internal.service.ServiceRequestService;
import org.opencrm.module.repair.internal.service.StockService;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The services the module's screens call, handed once to every menu entry and tab (one DS component, not one per entry). */
@Component(service = RepairScreens.class)
public class RepairScreens {
    final ServiceRequestService requests;
    final RepairOrderService orders;
    final ReplacementService replacements;
    final PartCatalogService parts;
    final StockService stock;
    final PartsOrderService partsOrders;
    final FaultCodeService faultCodes;
    final PartReturnService returns;
    final RepairAnalytics analytics;
    final CustomerDirectory customers;
    final UserService users;

    @Activate
    public RepairScreens(@Reference ServiceRequestService requests, @Reference RepairOrderService orders, @Reference ReplacementService replacements,
            @Reference PartCatalogService parts, @Reference StockService stock, @Reference PartsOrderService partsOrders,
            @Reference FaultCodeService faultCodes, @Reference PartReturnService returns, @Reference RepairAnalytics analytics,
            @Reference CustomerDirectory customers, @Reference UserService users) {
        this.requests = requests;
        this.orders = orders;
        this.replacements = replacements;
        this.parts = parts;
        this.stock = stock;
        this.partsOrders = partsOrders;
        this.faultCodes = faultCodes;
        this.returns = returns;
        this.analytics = analytics;
        this.customers = customers;
        this.users = users;
    }
}
