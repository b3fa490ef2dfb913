package org.riskbudget.contracts.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} with a fast path for the one form the ledger writes, {@code 2027-01-01T00:00:00.123Z}:
 * every event carries instants, and the general ISO-8601 parser was a quarter of the time spent reading an event.
 * Anything else, or a field out of range, goes to {@code Instant.parse}, so both accept and refuse the same texts.
 */
final class IsoInstants {

    private static final int SECONDS_END = 19; // "yyyy-MM-ddTHH:mm:ss"
    private static final int MAX_FRACTION_DIGITS = 9;

    private IsoInstants() {}

    static Instant parse(String text) {
        Instant fast = canonicalOrNull(text);
        return fast != null ? fast : Instant.parse(text);
    }

    private static Instant canonicalOrNull(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, SECONDS_END);
        int nanos = fraction(text, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day).atTime(LocalTime.of(hour, minute, second, nanos))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null; // Instant.parse decides, and names what is wrong
        }
    }

    /** The nanoseconds of an optional fraction between the seconds and {@code end}; -1 if it is not one. */
    private static int fraction(String text, int end) {
        if (end == SECONDS_END) {
            return 0;
        }
        int digitCount = end - SECONDS_END - 1;
        if (text.charAt(SECONDS_END) != '.' || digitCount < 1 || digitCount > MAX_FRACTION_DIGITS) {
            return -1;
        }
        int value = digits(text, SECONDS_END + 1, end);
        for (int i = digitCount; i < MAX_FRACTION_DIGITS && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }

    /** The decimal number written in {@code [from, to)}, or -1 unless every character there is an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
