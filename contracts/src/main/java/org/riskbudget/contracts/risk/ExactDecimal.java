package org.riskbudget.contracts.risk;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Parses the decimal strings of requests exactly. Only plain notation is accepted: an exponent such as
 * {@code 1e999999999} would let one request demand unbounded arithmetic, and a JSON number would already
 * have passed through binary floating point.
 */
final class ExactDecimal {

    static final int MAX_FRACTION_DIGITS = 18;
    static final int MAX_INTEGER_DIGITS = 13;
    private static final Pattern PLAIN = Pattern.compile(
            "[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");

    private ExactDecimal() {}

    static BigDecimal parse(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be a decimal string such as \"0.03\" (plain digits, at most "
                    + MAX_INTEGER_DIGITS + " before and " + MAX_FRACTION_DIGITS + " after the point)");
        }
        return normalize(new BigDecimal(text));
    }

    /** One spelling per value ("0.030" and "0.03" are the same probability), so events and hashes are stable. */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
