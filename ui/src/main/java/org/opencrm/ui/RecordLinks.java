package org.opencrm.ui;

import java.util.function.Function;

import com.vaadin.server.ExternalResource;
import com.vaadin.ui.Component;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;

/**
 * Links that open a record: a grid column whose cell is a plain link to the record's page (its navigation state,
 * e.g. {@code contact/42}). One click opens it, a middle click opens it in a new tab, and it is what a browser test
 * clicks: no double-click, no row click racing a grid that is still refreshing.
 */
public final class RecordLinks {
    private RecordLinks() {
    }

    /** A link to a navigation state ({@code "contact/42"}) showing {@code text}; its element id is {@code id}. */
    public static Link to(String text, String state, String id) {
        Link link = new Link(text == null || text.isBlank() ? "—" : text, new ExternalResource("#!" + state));
        link.setId(id);
        return link;
    }

    /**
     * Adds a column of links: each row's {@code text} linking to {@code state(row)}, with the element id
     * {@code idPrefix + "-" + key(row)} (e.g. {@code contact-link-42}). Rows whose state is null show the text only.
     */
    public static <T> Grid.Column<T, Component> column(Grid<T> grid, Function<T, String> text, Function<T, String> state, String idPrefix,
            Function<T, Object> key) {
        return grid.<Component> addComponentColumn(row -> {
            String target = state.apply(row);
            return target == null ? new Label(text.apply(row)) : to(text.apply(row), target, idPrefix + "-" + key.apply(row));
        });
    }
}
