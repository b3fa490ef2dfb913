package org.riskbudget.contracts.view;

import java.time.Instant;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * A regime's budget as of its event {@code lastSequence}: {@code allocatedPpb} = cap − pool, {@code unallocatedPpb}
 * = pool, {@code remainingPpb} = cap − spent − reserved (negative once the cap is broken).
 */
public record RegimeBudgetView(RegimeId regimeId, String name, Ppb capPpb, Ppb allocatedPpb, Ppb unallocatedPpb,
        Ppb reservedPpb, Ppb spentPpb, Ppb remainingPpb, RegimeStatus status, long lastSequence, Instant asOf,
        String lastHash) {}
