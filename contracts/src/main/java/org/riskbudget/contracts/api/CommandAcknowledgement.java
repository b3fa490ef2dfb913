package org.riskbudget.contracts.api;

import org.riskbudget.contracts.ids.RegimeId;

/** The answer to a command that needs no more than its place in the regime's sequence. */
public record CommandAcknowledgement(RegimeId regimeId, long sequence) implements CommandResult {}
