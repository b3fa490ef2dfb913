package org.riskbudget.projection.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.view.Page;

/**
 * Reads path and query parameters, which arrive as text, into the public language's types. Each refusal is 400
 * VALIDATION_FAILED naming the parameter; an absent optional parameter takes its documented default.
 */
public final class QueryParameters {

    public static final String LIMIT = "limit";
    public static final String AFTER = "after";
    public static final String AS_OF = "asOf";
    public static final String MIN_SEQUENCE = "minSequence";
    public static final String STATUS = "status";
    public static final String COMPANY_ID = "companyId";

    /** ISO-8601's four-digit years: every instant the database can compare, and any a dashboard could mean. */
    private static final Instant EARLIEST_AS_OF = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Base64.Encoder CURSOR_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder CURSOR_DECODER = Base64.getUrlDecoder();

    private QueryParameters() {}

    public static RegimeId regimeId(String raw) {
        return identifier(raw, RegimeId::of);
    }

    public static CompanyId companyId(String raw) {
        return identifier(raw, CompanyId::of);
    }

    public static CaseId caseId(String raw) {
        return identifier(raw, CaseId::of);
    }

    /** The optional {@code companyId} filter. */
    public static CompanyId companyFilter(String raw) {
        return raw == null ? null : companyId(raw);
    }

    /** Page size: {@link Page#DEFAULT_LIMIT} when absent, 1 to {@link Page#MAX_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null) {
            return Page.DEFAULT_LIMIT;
        }
        long limit = wholeNumber(LIMIT, raw);
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw invalid(LIMIT + " must be from 1 to " + Page.MAX_LIMIT);
        }
        return (int) limit;
    }

    /** 0 (do not wait) when absent. */
    public static long minSequence(String raw) {
        if (raw == null) {
            return 0;
        }
        long minSequence = wholeNumber(MIN_SEQUENCE, raw);
        if (minSequence < 0) {
            throw invalid(MIN_SEQUENCE + " must not be negative");
        }
        return minSequence;
    }

    /**
     * An ISO-8601 instant ({@code 2027-01-01T00:00:00Z}, or with an offset) in the years 0001 to 9999; null (now)
     * when absent. Java parses years up to a billion, which no database column holds.
     */
    public static Instant asOf(String raw) {
        if (raw == null) {
            return null;
        }
        Instant asOf = instant(raw);
        if (asOf.isBefore(EARLIEST_AS_OF) || asOf.isAfter(LATEST_AS_OF)) {
            throw invalid(AS_OF + " must be in the years 0001 to 9999");
        }
        return asOf;
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException notAnOffsetTime) {
                throw invalid(AS_OF + " must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }
    }

    /** The optional {@code status} filter of the case list. */
    public static CaseStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(raw);
        } catch (IllegalArgumentException unknown) {
            throw invalid(STATUS + " must be one of " + Arrays.toString(CaseStatus.values()));
        }
    }

    /** The cursor a page hands out for the page after the given item's key. */
    public static String cursor(String key) {
        return CURSOR_ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String cursor(long sequence) {
        return cursor(Long.toString(sequence));
    }

    /** The id an {@code after} cursor points past; null (from the start) when absent. */
    public static String afterId(String raw) {
        if (raw == null) {
            return null;
        }
        String key = decode(raw);
        try {
            // Every listed id follows the identifier rule, so a cursor that does not is not one of ours.
            return RegimeId.of(key).value();
        } catch (IllegalArgumentException notAnId) {
            throw invalidCursor();
        }
    }

    /** The sequence an {@code after} cursor points past; 0 (from the start) when absent. */
    public static long afterSequence(String raw) {
        if (raw == null) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(decode(raw));
            if (sequence < 0) {
                throw invalidCursor();
            }
            return sequence;
        } catch (NumberFormatException notASequence) {
            throw invalidCursor();
        }
    }

    private static String decode(String raw) {
        try {
            return new String(CURSOR_DECODER.decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalidCursor();
        }
    }

    private static <T> T identifier(String raw, Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException invalid) {
            throw invalid(invalid.getMessage()); // the identifier's own message names it: "regimeId must be …"
        }
    }

    private static long wholeNumber(String parameter, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException notANumber) {
            throw invalid(parameter + " must be a whole number");
        }
    }

    private static LedgerException invalidCursor() {
        return invalid(AFTER + " must be the next cursor of a previous page");
    }

    private static LedgerException invalid(String detail) {
        return new LedgerException(LedgerErrorCode.VALIDATION_FAILED, detail);
    }
}
