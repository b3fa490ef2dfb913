package org.riskbudget.contracts.audit;

import java.util.regex.Pattern;

/** The last sequence of a regime's chain and its hash, as attested by a source the auditor trusts. */
public record ChainHead(long sequence, String hash) {

    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,18}):([0-9a-f]{64})");

    public ChainHead {
        if (sequence < 1 || hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a chain head is a sequence of at least 1 and a 64-digit hex hash");
        }
    }

    /** Parses {@code SEQUENCE:HASH}, such as {@code 23:9f86d081…}. */
    public static ChainHead parse(String text) {
        var matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected SEQUENCE:HASH, such as 23:" + "0".repeat(64));
        }
        return new ChainHead(Long.parseLong(matcher.group(1)), matcher.group(2));
    }
}
