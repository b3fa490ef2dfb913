package org.riskbudget.contracts.safetycase;

/** Where a likelihood ratio comes from. */
public enum EvidenceKind {
    BEHAVIOURAL,
    MODEL_ORGANISM,
    INTERPRETABILITY,
    CONTROL,
    INCIDENT,
    OTHER
}
