package org.riskbudget.contracts.view;

import java.time.Instant;
import org.riskbudget.contracts.risk.Ppb;

/** The regime's budget after one event: a point of the burn-down series. */
public record BurnDownPoint(long sequence, Instant occurredAt, Ppb spentPpb, Ppb reservedPpb, Ppb remainingPpb,
        Ppb allocatedPpb) {}
