package org.riskbudget.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tamper-evident chain over a regime's events. Each event's {@code hash} is the lower-case hex SHA-256 of the
 * UTF-8 bytes of its {@linkplain CanonicalJson canonical form} without the {@code hash} member; that form
 * includes {@code previousHash}, the hash of the event before it. The first event's {@code previousHash} is the
 * genesis value of its regime, so no regime's chain can be spliced into another's.
 */
public final class EventChain {

    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    private static final String GENESIS_PREFIX = "risk-budget-ledger:genesis:";

    private EventChain() {}

    /** {@code sha256("risk-budget-ledger:genesis:" + regimeId)}: the previous hash of a regime's first event. */
    public static String genesis(RegimeId regimeId) {
        return sha256(GENESIS_PREFIX + regimeId.value());
    }

    /** The hash an event's JSON must carry, computed from everything in it but its own {@code hash} member. */
    public static String hashOf(JsonNode event) {
        if (!event.isObject()) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        ObjectNode withoutHash = ((ObjectNode) event).deepCopy();
        withoutHash.remove(HASH);
        return sha256(CanonicalJson.write(withoutHash));
    }

    /**
     * Completes a draft event (its {@code hash} still null) with its hash. The hash is computed over the same JSON
     * form that is stored and published, so it is the hash of what an auditor will read; the sealed event is the
     * draft with only its hash filled in.
     */
    public static <E extends LedgerEvent> E seal(E draft) {
        ObjectNode tree = LedgerJson.mapper().valueToTree(draft);
        tree.remove(HASH);
        return EventWithHash.of(draft, sha256(CanonicalJson.write(tree)));
    }

    /** Whether the event's stated hash is the hash of its content. */
    public static boolean isIntact(LedgerEvent event) {
        return event.hash() != null && event.hash().equals(hashOf(LedgerJson.mapper().valueToTree(event)));
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
