package org.riskbudget.contracts.view;

/** Whether the industry has spent more than its cap. */
public enum RegimeStatus {
    WITHIN_CAP,
    CAP_EXCEEDED
}
