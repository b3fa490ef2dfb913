package org.riskbudget.contracts.risk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of risk in parts per billion of probability. Exact, signed (a company's available balance may go
 * negative after an upward revision) and overflow-checked; 0.25 % is {@code 2500000}.
 */
public record Ppb(@JsonValue long value) implements Comparable<Ppb> {

    /** Probability one: no single movement, cap or assessed component can exceed it. */
    public static final long ONE = 1_000_000_000L;

    public static final Ppb ZERO = new Ppb(0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Ppb of(long value) {
        return new Ppb(value);
    }

    /** An amount moved by a voluntary movement: strictly positive and at most probability one. */
    public static Ppb requireAmount(String field, Ppb amount) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (amount.value <= 0 || amount.value > ONE) {
            throw new IllegalArgumentException(field + " must be between 1 and " + ONE + " ppb");
        }
        return amount;
    }

    /** A probability stated in ppb, such as an assessed risk component: from zero to probability one. */
    public static Ppb requireProbability(String field, Ppb amount) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (amount.value < 0 || amount.value > ONE) {
            throw new IllegalArgumentException(field + " must be between 0 and " + ONE + " ppb");
        }
        return amount;
    }

    public Ppb plus(Ppb other) {
        return new Ppb(Math.addExact(value, other.value));
    }

    public Ppb minus(Ppb other) {
        return new Ppb(Math.subtractExact(value, other.value));
    }

    public Ppb negate() {
        return new Ppb(Math.negateExact(value));
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isPositive() {
        return value > 0;
    }

    public boolean isGreaterThan(Ppb other) {
        return value > other.value;
    }

    public boolean isLessThan(Ppb other) {
        return value < other.value;
    }

    public static Ppb max(Ppb a, Ppb b) {
        return a.value >= b.value ? a : b;
    }

    @Override
    public int compareTo(Ppb other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " ppb";
    }
}
