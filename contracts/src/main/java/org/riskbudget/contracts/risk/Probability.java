package org.riskbudget.contracts.risk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/** A probability from 0 to 1, exact, written as a decimal string such as {@code "0.03"}. */
public record Probability(BigDecimal value) implements Comparable<Probability> {

    public static final Probability ZERO = new Probability(BigDecimal.ZERO);
    public static final Probability ONE = new Probability(BigDecimal.ONE);

    public Probability {
        if (value == null) {
            throw new IllegalArgumentException("probability is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("probability must be between 0 and 1, was " + value.toPlainString());
        }
        value = ExactDecimal.normalize(value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Probability of(String text) {
        return parse("probability", text);
    }

    public static Probability parse(String field, String text) {
        BigDecimal value = ExactDecimal.parse(field, text);
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(field + " must be between 0 and 1, was " + text);
        }
        return new Probability(value);
    }

    @JsonValue
    public String text() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(Probability other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
