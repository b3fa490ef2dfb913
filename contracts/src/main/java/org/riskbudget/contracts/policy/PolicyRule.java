package org.riskbudget.contracts.policy;

/** The rules of {@link RegimePolicy} a case can break; a refusal names the one it broke. */
public enum PolicyRule {
    MIN_SECURITY_LEVEL("minSecurityLevel"),
    REQUIRED_THREAT_MODELS("requiredThreatModels"),
    MAX_EVIDENCE_LIKELIHOOD_RATIO("maxEvidenceLikelihoodRatio"),
    MAX_CASE_RISK("maxCaseRiskPpb");

    private final String field;

    PolicyRule(String field) {
        this.field = field;
    }

    /** The policy field that states this rule, as clients write it. */
    public String field() {
        return field;
    }
}
