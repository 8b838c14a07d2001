package org.opencrm.module.handset.internal.ui;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opencrm.module.handset.api.HandsetTab;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The whiteboard of {@link HandsetTab}s other modules register; the unit page asks it each time it is built. */
@Component(service = HandsetTabs.class)
public class HandsetTabs {
    private final List<HandsetTab> tabs = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTab(HandsetTab tab) {
        tabs.add(tab);
    }

    void removeTab(HandsetTab tab) {
        tabs.remove(tab);
    }

    /** The tabs this user may see, in their order. */
    List<HandsetTab> visible(CrmUser user) {
        return tabs.stream().filter(t -> t.permission() == null || user.hasPermission(t.permission()))
                .sorted(Comparator.comparingInt(HandsetTab::order).thenComparing(HandsetTab::id)).toList();
    }
}
