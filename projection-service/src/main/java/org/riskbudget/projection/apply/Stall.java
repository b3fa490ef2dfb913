package org.riskbudget.projection.apply;

/**
 * Why a regime's events in a batch were not applied: the next one is missing ({@link Kind#GAP}) or does not link
 * to the last applied event ({@link Kind#BROKEN_CHAIN}). {@code partition} and {@code offset} locate the first
 * record that was held back, where consumption must resume.
 */
public record Stall(String regimeId, Kind kind, long expectedSequence, long receivedSequence, int partition,
        long offset) {

    public enum Kind {
        GAP,
        BROKEN_CHAIN
    }
}
