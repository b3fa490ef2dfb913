package org.riskbudget.contracts.access;

/** Who may do what. SYSTEM is the ledger itself acting on a schedule or a policy, never a caller. */
public enum Role {
    REGULATOR,
    AUDITOR,
    COMPANY,
    VIEWER,
    SYSTEM
}
