package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.ids.RegimeId;
import tools.jackson.databind.JsonNode;

/**
 * Walks the chain line by line over the JSON as written: each line must sit at the next sequence, name the regime
 * of the first, link to the hash of the line before (the first to the regime's genesis) and carry the hash of its
 * own content. Only the first break is reported: after it, nothing the log says can be trusted.
 */
final class ChainCheck {

    private RegimeId regimeId;
    private long expectedSequence = 1;
    private String previousHash;
    private Finding firstBreak;

    /** Checks the next line; returns false once the chain is broken. */
    boolean accept(JsonNode line) {
        if (firstBreak != null) {
            return false;
        }
        if (regimeId == null) {
            if (!line.path("regimeId").isString()) {
                return broken("the first line names no regime");
            }
            regimeId = RegimeId.of(line.get("regimeId").asString());
            previousHash = EventChain.genesis(regimeId);
        }
        if (!line.path("sequence").canConvertToExactIntegral() || line.get("sequence").asLong() != expectedSequence) {
            return broken("expected sequence " + expectedSequence + " here but the line states "
                    + line.path("sequence") + ": an event is missing, moved or inserted");
        }
        if (!regimeId.value().equals(line.path("regimeId").asString(""))) {
            return broken("the line names regime " + line.path("regimeId") + ", not " + regimeId.value());
        }
        if (!previousHash.equals(line.path(EventChain.PREVIOUS_HASH).asString(""))) {
            return broken("previousHash does not match the hash of the event before it");
        }
        String statedHash = line.path(EventChain.HASH).asString("");
        if (!statedHash.equals(EventChain.hashOf(line))) {
            return broken("the event's content does not match its hash: it was altered");
        }
        previousHash = statedHash;
        expectedSequence++;
        return true;
    }

    /** A line that is not a JSON object where an event was expected. */
    void unreadable(String reason) {
        broken("the line is not an event: " + reason);
    }

    /**
     * Compares the end of the log with a head attested elsewhere (a statement, a dashboard, a published checkpoint):
     * without one, an appended event with a correctly computed hash cannot be told from a real one.
     */
    void requireHead(ChainHead head) {
        if (firstBreak != null || head == null) {
            return;
        }
        long lastSequence = expectedSequence - 1;
        if (lastSequence < head.sequence()) {
            expectedSequence = lastSequence + 1;
            broken("the log ends at sequence " + lastSequence + " but the attested head is " + head.sequence());
        } else if (lastSequence > head.sequence()) {
            expectedSequence = head.sequence() + 1;
            broken("the log goes on after the attested head " + head.sequence() + ": events from here are not attested");
        } else if (!head.hash().equals(previousHash)) {
            expectedSequence = head.sequence();
            broken("the hash at sequence " + head.sequence() + " differs from the attested head");
        }
    }

    RegimeId regimeId() {
        return regimeId;
    }

    long lastSequence() {
        return firstBreak == null ? expectedSequence - 1 : firstBreak.sequence() - 1;
    }

    String headHash() {
        return previousHash;
    }

    Finding firstBreak() {
        return firstBreak;
    }

    private boolean broken(String detail) {
        firstBreak = new Finding(expectedSequence, AuditLogVerifier.CHAIN_BROKEN, detail);
        return false;
    }
}
