package org.riskbudget.projection.apply;

import java.util.List;

/**
 * What a batch did: the events applied, in order per regime; how many were duplicates of applied ones; where it
 * stalled; and the stalls seen for the first time (each counted and logged once, however often it is retried).
 */
public record BatchResult(List<AppliedEvent> applied, int duplicates, List<Stall> stalls, List<Stall> newStalls) {

    public BatchResult {
        applied = List.copyOf(applied);
        stalls = List.copyOf(stalls);
        newStalls = List.copyOf(newStalls);
    }
}
