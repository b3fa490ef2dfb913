package org.riskbudget.contracts.api;

/** What every successful command answers: at least the regime sequence of its last event. */
public sealed interface CommandResult permits CommandAcknowledgement, TransferOutcome, SafetyCaseOutcome {

    long sequence();
}
