package org.opencrm.module.repair.internal.ui;

import java.util.Locale;
import java.util.function.BiFunction;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;

/**
 * What the module's menu entries share: a view of this module's screens and, for a deep link such as
 * {@code #!repair-orders/12}, the record to open in it ({@link RecordView#show}).
 */
abstract class RepairEntry implements NavigationEntry {
    private final String id;
    private final String group;
    private final int order;
    private final String permission;
    private final RepairScreens screens;
    private final BiFunction<RepairScreens, UiContext, RecordView> view;

    RepairEntry(String id, String group, int order, String permission, RepairScreens screens, BiFunction<RepairScreens, UiContext, RecordView> view) {
        this.id = id;
        this.group = group;
        this.order = order;
        this.permission = permission;
        this.screens = screens;
        this.view = view;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label(Locale locale) {
        return RepairUi.messages(locale).get("menu." + id);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String permission() {
        return permission;
    }

    @Override
    public Object createView(UiContext context) {
        return view.apply(screens, context);
    }

    @Override
    public void enter(Object view, String parameters) {
        ((RecordView) view).show(parameters == null ? "" : parameters.strip());
    }

    /** A view that shows its list for "" and one record for a deep link's parameter. */
    interface RecordView {
        void show(String parameters);
    }
}
