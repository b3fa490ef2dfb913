package org.riskbudget.contracts.safetycase;

/** Lifecycle of a safety case; a deployed case has imposed its risk and can still be revised. */
public enum CaseStatus {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN,
    REVOKED,
    EXPIRED;

    public boolean isDeployed() {
        return this == ACCEPTED || this == EXPIRED || this == REVOKED;
    }
}
