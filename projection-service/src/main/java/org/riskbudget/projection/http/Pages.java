package org.riskbudget.projection.http;

import java.util.List;
import java.util.function.Function;
import org.riskbudget.contracts.view.Page;

/** Builds a page from a query that fetched one row more than the limit, which tells whether a next page exists. */
public final class Pages {

    private Pages() {}

    public static <T> Page<T> of(List<T> rowsUpToLimitPlusOne, int limit, Function<T, String> cursor) {
        if (rowsUpToLimitPlusOne.size() <= limit) {
            return new Page<>(List.copyOf(rowsUpToLimitPlusOne), null);
        }
        List<T> items = List.copyOf(rowsUpToLimitPlusOne.subList(0, limit));
        return new Page<>(items, cursor.apply(items.get(limit - 1)));
    }
}
