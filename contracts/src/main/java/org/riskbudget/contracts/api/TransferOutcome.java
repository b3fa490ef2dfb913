package org.riskbudget.contracts.api;

import org.riskbudget.contracts.ids.TransferId;

/** The answer to a transfer command: the transfer's id (useful when it was generated) and where it stands. */
public record TransferOutcome(TransferId transferId, TransferStatus status, long sequence) implements CommandResult {}
