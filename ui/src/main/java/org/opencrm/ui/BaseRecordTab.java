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
public abstract non-sealed class BaseRecordTab extends BaseContribution implements RecordTab {
    private final Record record;

    /** A tab whose content the factory creates for a record id. */
    protected BaseRecordTab(String id, Record record, int order, String permission, Function<Locale, Messages> messages, String labelKey,
            BiFunction<UiContext, Long, ?> tab) {
        super(id, order, permission, messages, labelKey, tab);
        this.record = record;
    }

    /** A tab that overrides {@link #createTab}. */
    protected BaseRecordTab(String id, Record record, int order, String permission, Function<Locale, Messages> messages, String labelKey) {
        this(id, record, order, permission, messages, labelKey, null);
    }

    @Override
    public Object createTab(UiContext context, long recordId) {
        return fromFactory(context, recordId, "createTab");
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
