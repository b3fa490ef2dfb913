package org.riskbudget.contracts;

import java.util.Collection;

/**
 * Checks that records of the public language run in their constructors, so an invalid value can never exist.
 * Every failure names the field, because that message becomes the 400 answer a client reads.
 */
public final class Require {

    private Require() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        present(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value != null) {
            if (value.length() > maxLength) {
                throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
            if (!isWellFormed(value)) {
                throw new IllegalArgumentException(field + " must be well-formed Unicode (no lone surrogates)");
            }
        }
        return value;
    }

    private static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static <C extends Collection<?>> C size(String field, C values, int max) {
        present(field, values);
        if (values.size() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " items");
        }
        if (values.stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException(field + " must not contain null items");
        }
        return values;
    }
}
