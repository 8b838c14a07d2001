package org.opencrm.module.handset.internal.ui;

import java.util.Locale;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Handset models: the catalogue with its warranty months. */
@Component(service = NavigationEntry.class)
public class ModelsEntry implements NavigationEntry {
    private final ModelService models;

    @Activate
    public ModelsEntry(@Reference ModelService models) {
        this.models = models;
    }

    @Override
    public String id() {
        return "handset-models";
    }

    @Override
    public String label(Locale locale) {
        return HandsetUi.messages(locale).get("menu.models");
    }

    @Override
    public String group() {
        return "service";
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public String permission() {
        return HandsetModule.READ;
    }

    @Override
    public Object createView(UiContext context) {
        return new ModelsView(models, context);
    }
}
