package org.opencrm.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the REST shape {"items":[...],"total":N}. */
public record Page<T>(List<T> items, long total) {
    /** A whole (short) list as one page: every list of the API answers {"items":[...],"total":N}, never a bare array. */
    public static <T> Page<T> of(List<T> all) {
        return new Page<>(List.copyOf(all), all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), total);
    }
}
