package org.opencrm.ui;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;

import com.vaadin.ui.Component;
import com.vaadin.ui.VerticalLayout;

/**
 * A tab on the contact or account page. Register a subclass as a DS component with {@code service = RecordTab.class}
 * and either hand the constructor a factory of the tab's content or override {@link #createTab}; the shell has
 * checked that the user may see the record.
 */
public abstract class BaseRecordTab extends BaseContribution implements RecordTab {
    private final Record record;
    private final BiFunction<UiContext, Long, Object> tab;

    /** A tab whose content the factory creates for a record id. */
    protected BaseRecordTab(String id, Record record, int order, String permission, Function<Locale, Messages> messages, String labelKey,
            BiFunction<UiContext, Long, ?> tab) {
        super(id, order, permission, messages, labelKey);
        this.record = record;
        this.tab = tab::apply;
    }

    /** A tab that overrides {@link #createTab}. */
    protected BaseRecordTab(String id, Record record, int order, String permission, Function<Locale, Messages> messages, String labelKey) {
        super(id, order, permission, messages, labelKey);
        this.record = record;
        this.tab = null;
    }

    @Override
    public Object createTab(UiContext context, long recordId) {
        if (tab == null) {
            throw new IllegalStateException(id() + " has no tab factory and does not override createTab");
        }
        return tab.apply(context, recordId);
    }

    @Override
    public final Record record() {
        return record;
    }

    /** The usual body of a tab: the components one under the other, without the layout's margin (the tab sheet has one). */
    protected static VerticalLayout column(String id, Component... components) {
        VerticalLayout layout = new VerticalLayout(components);
        layout.setMargin(false);
        if (id != null) {
            layout.setId(id);
        }
        return layout;
    }
}
