package org.opencrm.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the REST shape {"items":[...],"total":N}. */
public record Page<T>(List<T> items, long total) {
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), total);
    }
}
