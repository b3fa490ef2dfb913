package org.riskbudget.contracts.ids;

import java.util.regex.Pattern;

/** The one rule every identifier follows, so ids are safe in URLs, logs, keys and file names. */
final class Identifier {

    static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Identifier() {}

    static String require(String kind, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1 to " + MAX_LENGTH
                    + " characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}
