package org.riskbudget.contracts.safetycase;

/** The threat models a case assesses; a regime's policy may require some of them per capability tier. */
public enum ThreatModel {
    SECURITY,
    MISALIGNMENT,
    MISUSE
}
