package org.riskbudget.contracts.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.SecurityLevel;
import org.riskbudget.contracts.safetycase.ThreatModel;

/**
 * A regime's rules for cases and transfers. Every field is optional on the wire; an absent field takes its
 * default, so a stored policy is always complete and says exactly what was in force.
 *
 * @param minSecurityLevel            the least security level a case of each tier must claim
 * @param requiredThreatModels        the threat models a case of each tier must assess
 * @param maxEvidenceLikelihoodRatio  the largest likelihood ratio any single evidence item may claim
 * @param maxCaseRiskPpb              the most risk one case may carry; no limit when absent
 * @param transfersNeedApproval       whether a transfer waits, reserved, for the regulator's approval
 * @param reviewRequired              false makes the regime self-certifying: a submitted case is accepted at once
 */
public record RegimePolicy(
        Map<CapabilityTier, SecurityLevel> minSecurityLevel,
        Map<CapabilityTier, Set<ThreatModel>> requiredThreatModels,
        LikelihoodRatio maxEvidenceLikelihoodRatio,
        @JsonInclude(JsonInclude.Include.NON_NULL) Ppb maxCaseRiskPpb,
        Boolean transfersNeedApproval,
        Boolean reviewRequired) {

    public static final LikelihoodRatio DEFAULT_MAX_EVIDENCE_LIKELIHOOD_RATIO = LikelihoodRatio.of("20");

    public RegimePolicy {
        minSecurityLevel = minSecurityLevel == null ? defaultMinSecurityLevel() : copy(minSecurityLevel);
        requiredThreatModels = requiredThreatModels == null ? Map.of() : copyRequired(requiredThreatModels);
        maxEvidenceLikelihoodRatio = maxEvidenceLikelihoodRatio == null
                ? DEFAULT_MAX_EVIDENCE_LIKELIHOOD_RATIO : maxEvidenceLikelihoodRatio;
        if (maxEvidenceLikelihoodRatio.compareTo(LikelihoodRatio.NEUTRAL) < 0) {
            throw new IllegalArgumentException("policy.maxEvidenceLikelihoodRatio must be at least 1");
        }
        if (maxCaseRiskPpb != null) {
            Ppb.requireProbability("policy.maxCaseRiskPpb", maxCaseRiskPpb);
        }
        transfersNeedApproval = transfersNeedApproval != null && transfersNeedApproval;
        reviewRequired = reviewRequired == null || reviewRequired;
    }

    public static RegimePolicy defaults() {
        return new RegimePolicy(null, null, null, null, null, null);
    }

    public SecurityLevel minSecurityLevelFor(CapabilityTier tier) {
        return minSecurityLevel.get(tier);
    }

    public Set<ThreatModel> requiredThreatModelsFor(CapabilityTier tier) {
        return requiredThreatModels.getOrDefault(tier, Set.of());
    }

    private static Map<CapabilityTier, SecurityLevel> defaultMinSecurityLevel() {
        Map<CapabilityTier, SecurityLevel> levels = new EnumMap<>(CapabilityTier.class);
        levels.put(CapabilityTier.TEDAI, SecurityLevel.SL5);
        levels.put(CapabilityTier.AI_10X, SecurityLevel.SL4);
        return Collections.unmodifiableMap(levels);
    }

    private static Map<CapabilityTier, SecurityLevel> copy(Map<CapabilityTier, SecurityLevel> levels) {
        Map<CapabilityTier, SecurityLevel> copy = new EnumMap<>(CapabilityTier.class);
        levels.forEach((tier, level) -> {
            Require.present("policy.minSecurityLevel tier", tier);
            copy.put(tier, Require.present("policy.minSecurityLevel." + tier, level));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<CapabilityTier, Set<ThreatModel>> copyRequired(Map<CapabilityTier, Set<ThreatModel>> required) {
        Map<CapabilityTier, Set<ThreatModel>> copy = new EnumMap<>(CapabilityTier.class);
        required.forEach((tier, models) -> {
            Require.present("policy.requiredThreatModels tier", tier);
            Require.size("policy.requiredThreatModels." + tier, models, ThreatModel.values().length);
            Set<ThreatModel> ordered = EnumSet.noneOf(ThreatModel.class);
            ordered.addAll(models);
            copy.put(tier, Collections.unmodifiableSet(ordered));
        });
        return Collections.unmodifiableMap(copy);
    }
}
