package org.riskbudget.projection.apply;

import java.time.Instant;
import org.riskbudget.contracts.ids.RegimeId;

/**
 * An event the projection applied, with its regime's totals right after it: a row of the regime's history, the
 * payload of the live stream and the measure of the projection's lag.
 */
public record AppliedEvent(RegimeId regimeId, String regimeName, long sequence, String type, Instant occurredAt,
        String hash, long capPpb, long poolPpb, long reservedPpb, long spentPpb) {}
