package org.riskbudget.contracts.api;

/** Where a transfer stands. */
public enum TransferStatus {
    COMPLETED,
    PENDING,
    REJECTED
}
