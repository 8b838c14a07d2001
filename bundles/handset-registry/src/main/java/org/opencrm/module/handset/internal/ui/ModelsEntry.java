package org.opencrm.module.handset.internal.ui;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Handset models: the catalogue with its warranty months. */
@Component(service = NavigationEntry.class)
public class ModelsEntry extends BaseMenuEntry {
    @Activate
    public ModelsEntry(@Reference ModelService models) {
        super("handset-models", "service", 11, HandsetModule.READ, HandsetUi::messages, "menu.models", c -> new ModelsView(models, c));
    }
}
