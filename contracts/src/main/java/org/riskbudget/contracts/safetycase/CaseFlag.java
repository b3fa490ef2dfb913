package org.riskbudget.contracts.safetycase;

/** Marks on a case that call for re-review. */
public enum CaseFlag {
    /** A case this one depends on, directly or transitively, was revoked or revised upwards. */
    DEPENDENCY_COMPROMISED
}
