package org.riskbudget.contracts.safetycase;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.risk.RiskMath;

/**
 * Scheming: a prior, evidence that updates it, and optionally P(catastrophe | scheming), which is one when
 * absent (the conservative reading).
 */
public record MisalignmentAssessment(
        Probability priorProbability,
        List<EvidenceItem> evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Probability catastropheGivenScheming) {

    public static final int MAX_EVIDENCE_ITEMS = 100;

    public MisalignmentAssessment {
        Require.present("misalignment.priorProbability", priorProbability);
        evidence = List.copyOf(Require.size("misalignment.evidence", evidence == null ? List.of() : evidence,
                MAX_EVIDENCE_ITEMS));
    }

    public Probability catastropheGivenSchemingOrOne() {
        return catastropheGivenScheming == null ? Probability.ONE : catastropheGivenScheming;
    }

    public List<LikelihoodRatio> likelihoodRatios() {
        return evidence.stream().map(EvidenceItem::likelihoodRatio).toList();
    }

    public Ppb riskPpb() {
        return RiskMath.misalignmentRisk(priorProbability, likelihoodRatios(), catastropheGivenSchemingOrOne());
    }

    /** The same assessment with more evidence, as a revision appends it; the combined list stays bounded. */
    public MisalignmentAssessment withMoreEvidence(List<EvidenceItem> more) {
        List<EvidenceItem> combined = new ArrayList<>(evidence);
        combined.addAll(more);
        return new MisalignmentAssessment(priorProbability, combined, catastropheGivenScheming);
    }
}
