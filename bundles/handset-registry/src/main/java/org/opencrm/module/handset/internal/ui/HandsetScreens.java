package org.opencrm.module.handset.internal.ui;

import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.module.handset.internal.service.SaleService;
import org.opencrm.platform.api.customer.CustomerDirectory;

/** The services the module's screens call, handed from the DS components to each view. */
record HandsetScreens(HandsetService handsets, SaleService sales, ModelService models, CustomerDirectory customers, HandsetTabs tabs) {
}
