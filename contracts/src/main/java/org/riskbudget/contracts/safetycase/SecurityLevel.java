package org.riskbudget.contracts.safetycase;

/** RAND's security levels for model weights; SL5 resists the top-priority operations of the most capable states. */
public enum SecurityLevel {
    SL1,
    SL2,
    SL3,
    SL4,
    SL5;

    public boolean isAtLeast(SecurityLevel required) {
        return compareTo(required) >= 0;
    }
}
