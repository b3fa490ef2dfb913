package org.riskbudget.ledger.regime;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.policy.PolicyRule;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.SecurityLevel;
import org.riskbudget.contracts.safetycase.ThreatModel;

/** The regime policy's rules for a case; a refusal names the rule it broke. */
final class PolicyCheck {

    private PolicyCheck() {}

    static void checkCase(RegimePolicy policy, CapabilityTier tier, Assessments assessments, Ppb riskPpb) {
        SecurityLevel minimum = policy.minSecurityLevelFor(tier);
        if (minimum != null && (assessments.security() == null || !assessments.security().level().isAtLeast(minimum))) {
            throw LedgerException.policy(PolicyRule.MIN_SECURITY_LEVEL, tier + " needs security level " + minimum
                    + " or higher; the case claims "
                    + (assessments.security() == null ? "none" : assessments.security().level()));
        }
        Set<ThreatModel> missing = EnumSet.noneOf(ThreatModel.class);
        missing.addAll(policy.requiredThreatModelsFor(tier));
        missing.removeAll(assessments.threatModels());
        if (!missing.isEmpty()) {
            throw LedgerException.policy(PolicyRule.REQUIRED_THREAT_MODELS,
                    tier + " cases must assess " + missing + " as well");
        }
        if (assessments.misalignment() != null) {
            checkEvidence(policy, assessments.misalignment().evidence());
        }
        if (policy.maxCaseRiskPpb() != null && riskPpb.isGreaterThan(policy.maxCaseRiskPpb())) {
            throw LedgerException.policy(PolicyRule.MAX_CASE_RISK, "the case carries " + riskPpb
                    + ", more than the policy's maximum of " + policy.maxCaseRiskPpb());
        }
    }

    static void checkEvidence(RegimePolicy policy, List<EvidenceItem> evidence) {
        for (EvidenceItem item : evidence) {
            if (item.likelihoodRatio().exceeds(policy.maxEvidenceLikelihoodRatio())) {
                throw LedgerException.policy(PolicyRule.MAX_EVIDENCE_LIKELIHOOD_RATIO, "evidence \""
                        + item.description() + "\" claims a likelihood ratio of " + item.likelihoodRatio()
                        + ", more than the policy's maximum of " + policy.maxEvidenceLikelihoodRatio());
            }
        }
    }
}
