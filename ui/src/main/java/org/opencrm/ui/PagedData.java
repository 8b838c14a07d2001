package org.opencrm.ui;

import java.util.stream.Stream;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;

/**
 * A lazy grid data provider over a service's paged search, filtered by the search text: the grid fetches only the
 * rows it shows, so a list stays fast at a million records. The service applies the user's data scope to both the
 * rows and the total.
 */
public final class PagedData {
    /** A service search: query text (may be null), offset, limit. */
    @FunctionalInterface
    public interface Search<T> {
        Page<T> search(PageRequest request);
    }

    private PagedData() {
    }

    public static <T> ConfigurableFilterDataProvider<T, Void, String> of(Search<T> search) {
        CallbackDataProvider<T, String> provider = DataProvider.fromFilteringCallbacks(
                query -> fetch(search, query.getFilter().orElse(null), query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, search.search(new PageRequest(query.getFilter().orElse(null), 0, 1)).total()));
        return provider.withConfigurableFilter();
    }

    private static <T> Stream<T> fetch(Search<T> search, String text, int offset, int limit) {
        int remaining = limit;
        int at = offset;
        Stream<T> rows = Stream.empty();
        // the grid may ask for more than a service page allows
        while (remaining > 0) {
            int n = Math.min(remaining, PageRequest.MAX_LIMIT);
            Page<T> page = search.search(new PageRequest(text, at, n));
            rows = Stream.concat(rows, page.items().stream());
            if (page.items().size() < n) {
                break;
            }
            remaining -= n;
            at += n;
        }
        return rows;
    }
}
