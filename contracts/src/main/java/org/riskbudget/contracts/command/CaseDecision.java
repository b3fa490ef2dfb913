package org.riskbudget.contracts.command;

/** What can be decided about a case, each with its own rule on who decides and from which state. */
public enum CaseDecision {
    /** Regulator: submitted → accepted; the reserved risk is spent. */
    ACCEPT,
    /** Regulator: submitted → rejected; the reserved risk is released. */
    REJECT,
    /** The owning company: submitted → withdrawn; the reserved risk is released. */
    WITHDRAW,
    /** Regulator: accepted → revoked; deployment must stop, spent stays spent. */
    REVOKE
}
