package org.opencrm.ui.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.PendingWork;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The whiteboard of the web shell: every navigation entry, record tab and dashboard widget that active modules
 * register. Open sessions subscribe and rebuild their menu, tabs and dashboard when a module comes or goes.
 */
@Component(service = Contributions.class)
public class Contributions {
    /** What changed: the contribution and whether it arrived (true) or left (false). */
    public record Change(UiContribution contribution, boolean added) {
    }

    private final List<NavigationEntry> navigation = new CopyOnWriteArrayList<>();
    private final List<RecordTab> tabs = new CopyOnWriteArrayList<>();
    private final List<DashboardWidget> widgets = new CopyOnWriteArrayList<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<HeaderSearch> searches = new CopyOnWriteArrayList<>();
    private final List<PendingWork> pending = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSearch(HeaderSearch search) {
        searches.add(search);
    }

    void removeSearch(HeaderSearch search) {
        searches.remove(search);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPending(PendingWork work) {
        pending.add(work);
    }

    void removePending(PendingWork work) {
        pending.remove(work);
    }

    /** The header searches of the active modules (asked live, so a module that left is simply not asked). */
    public List<HeaderSearch> searches() {
        return List.copyOf(searches);
    }

    /** The pending-work counts of the active modules. */
    public List<PendingWork> pendingWork() {
        return List.copyOf(pending);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNavigation(NavigationEntry entry) {
        navigation.add(entry);
        fire(entry, true);
    }

    void removeNavigation(NavigationEntry entry) {
        navigation.remove(entry);
        fire(entry, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTab(RecordTab tab) {
        tabs.add(tab);
        fire(tab, true);
    }

    void removeTab(RecordTab tab) {
        tabs.remove(tab);
        fire(tab, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addWidget(DashboardWidget widget) {
        widgets.add(widget);
        fire(widget, true);
    }

    void removeWidget(DashboardWidget widget) {
        widgets.remove(widget);
        fire(widget, false);
    }

    /** The navigation entries the user may see, in menu order. */
    public List<NavigationEntry> navigation(CrmUser user) {
        return visible(navigation.stream(), user);
    }

    public List<RecordTab> tabs(RecordTab.Record record, CrmUser user) {
        return visible(tabs.stream().filter(t -> t.record() == record), user);
    }

    public List<DashboardWidget> widgets(CrmUser user) {
        return visible(widgets.stream(), user);
    }

    public boolean isRegistered(UiContribution c) {
        return navigation.contains(c) || tabs.contains(c) || widgets.contains(c);
    }

    /** Subscribes to changes; call the returned Runnable to unsubscribe (when a session's UI detaches). */
    public Runnable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private <T extends UiContribution> List<T> visible(Stream<T> items, CrmUser user) {
        return items.filter(c -> c.permission() == null || user.hasPermission(c.permission()))
                .sorted(Comparator.comparingInt(UiContribution::order).thenComparing(UiContribution::id))
                .toList();
    }

    private void fire(UiContribution c, boolean added) {
        Change change = new Change(c, added);
        for (Consumer<Change> l : listeners) {
            l.accept(change);
        }
    }
}
