package org.opencrm.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.vaadin.data.provider.DataProvider;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.CustomField;

/**
 * A field that finds a record as the user types (a name, a mobile, "#number") and holds the record's key (an
 * account's or contact's id, a user name) while it shows the record's name. It replaces a text field into which users
 * typed ids. Create one with {@link Pickers}; bind it like any field: {@link #getValue()} is the key, or null.
 * <p>
 * For browser tests the field has the given id and its text input is {@code #<id> input}; the suggestions are the
 * usual combo box popup ({@code td.gwt-MenuItem}).
 */
public final class RecordPicker<K> extends CustomField<K> {
    /** How many suggestions a keystroke fetches: enough to pick from, few enough to stay fast at any size. */
    static final int SUGGESTIONS = 20;

    /** A record offered to the user: its key and what the user sees. */
    public record Choice<K>(K key, String caption) {
        public Choice {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Where a picker looks: the records matching a query (in the user's data scope), and the name of a known key. */
    public interface Source<K> {
        List<Choice<K>> find(PickerQuery query, int limit);

        /** The caption of the record with this key, as the user may see it (e.g. "#12" outside the scope). */
        String caption(K key);
    }

    private final ComboBox<Choice<K>> box = new ComboBox<>();
    private final Source<K> source;
    private K value;
    private boolean updating;
    // a keystroke asks for the size and then the items with the same filter: one query answers both
    private String lastFilter;
    private List<Choice<K>> lastFound = List.of();

    public RecordPicker(String caption, String id, Source<K> source, String placeholder) {
        this.source = Objects.requireNonNull(source, "source");
        setCaption(caption);
        setId(id);
        setWidth("100%");
        box.setWidth("100%");
        box.setPlaceholder(placeholder);
        box.setEmptySelectionAllowed(true);
        box.setItemCaptionGenerator(Choice::caption);
        box.setPageLength(10);
        box.setDataProvider(DataProvider.fromFilteringCallbacks(
                q -> found(q.getFilter().orElse("")).stream().skip(q.getOffset()).limit(q.getLimit()),
                q -> found(q.getFilter().orElse("")).size()));
        box.addValueChangeListener(e -> {
            if (!updating) {
                Choice<K> c = e.getValue();
                K before = value;
                value = c == null ? null : c.key();
                if (!Objects.equals(before, value)) {
                    fireEvent(createValueChange(before, e.isUserOriginated()));
                }
            }
        });
    }

    private List<Choice<K>> found(String filter) {
        if (!filter.equals(lastFilter)) {
            lastFound = distinct(source.find(PickerQuery.of(filter), SUGGESTIONS));
            lastFilter = filter;
        }
        return lastFound;
    }

    /** One suggestion per record: a record found both by its number and by its name is offered once. */
    static <K> List<Choice<K>> distinct(List<Choice<K>> choices) {
        Map<K, Choice<K>> byKey = new LinkedHashMap<>();
        for (Choice<K> c : choices) {
            byKey.putIfAbsent(c.key(), c);
        }
        return new ArrayList<>(byKey.values());
    }

    @Override
    protected Component initContent() {
        return box;
    }

    @Override
    public K getValue() {
        return value;
    }

    @Override
    protected void doSetValue(K key) {
        value = key;
        updating = true;
        try {
            box.setValue(key == null ? null : new Choice<>(key, source.caption(key)));
        } finally {
            updating = false;
        }
    }

    /** The text the user sees for the current record ("" for none). */
    public String shownText() {
        Choice<K> c = box.getValue();
        return c == null ? "" : c.caption();
    }

    /** The first suggestions for a query, as the popup would show them (for the form's own logic and tests). */
    List<Choice<K>> suggestions(String typed) {
        return found(typed == null ? "" : typed);
    }

    /** Suggestions of several lookups, e.g. by number then by name. */
    @SafeVarargs
    static <K> List<Choice<K>> concat(int limit, List<Choice<K>>... parts) {
        return Stream.of(parts).flatMap(List::stream).limit(limit).toList();
    }
}
