package org.riskbudget.contracts.ids;

/** What every typed identifier shares: its text, and an order by that text for stable listings. */
public interface TypedId<T extends TypedId<T>> extends Comparable<T> {

    String value();

    @Override
    default int compareTo(T other) {
        return value().compareTo(other.value());
    }
}
