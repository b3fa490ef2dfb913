package org.riskbudget.contracts.view;

import java.time.Instant;
import org.riskbudget.contracts.ids.RegimeId;

/**
 * One applied change, as the projection's server-sent event stream announces it: the event's type and sequence,
 * and the regime's budget right after it.
 */
public record LedgerChange(RegimeId regimeId, long sequence, String type, Instant occurredAt, RegimeBudgetView budget) {}
