package org.riskbudget.contracts.risk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * How much more likely a piece of evidence is if the system is not scheming than if it is: {@code "13"} means
 * 13:1 in favour of safety; a ratio below one (say {@code "0.2"}) is evidence of scheming. Exact and positive.
 */
public record LikelihoodRatio(BigDecimal value) implements Comparable<LikelihoodRatio> {

    public static final LikelihoodRatio NEUTRAL = new LikelihoodRatio(BigDecimal.ONE);

    public LikelihoodRatio {
        if (value == null) {
            throw new IllegalArgumentException("likelihood ratio is required");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("likelihood ratio must be positive, was " + value.toPlainString());
        }
        value = ExactDecimal.normalize(value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LikelihoodRatio of(String text) {
        return parse("likelihoodRatio", text);
    }

    public static LikelihoodRatio parse(String field, String text) {
        BigDecimal value = ExactDecimal.parse(field, text);
        if (value.signum() == 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + text);
        }
        return new LikelihoodRatio(value);
    }

    @JsonValue
    public String text() {
        return value.toPlainString();
    }

    public boolean exceeds(LikelihoodRatio other) {
        return value.compareTo(other.value) > 0;
    }

    @Override
    public int compareTo(LikelihoodRatio other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
