package org.riskbudget.contracts.safetycase;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.risk.Ppb;

/**
 * The threat-model assessments of a case, each optional. The case's risk is their sum (a union bound), each
 * component rounded up to whole ppb first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessments(SecurityAssessment security, MisalignmentAssessment misalignment, MisuseAssessment misuse) {

    @JsonIgnore
    public boolean isEmpty() {
        return security == null && misalignment == null && misuse == null;
    }

    public Set<ThreatModel> threatModels() {
        Set<ThreatModel> present = EnumSet.noneOf(ThreatModel.class);
        if (security != null) {
            present.add(ThreatModel.SECURITY);
        }
        if (misalignment != null) {
            present.add(ThreatModel.MISALIGNMENT);
        }
        if (misuse != null) {
            present.add(ThreatModel.MISUSE);
        }
        return present;
    }

    public RiskBreakdown riskBreakdown() {
        return new RiskBreakdown(
                security == null ? Ppb.ZERO : security.riskPpb(),
                misalignment == null ? Ppb.ZERO : misalignment.riskPpb(),
                misuse == null ? Ppb.ZERO : misuse.riskPpb());
    }

    /**
     * What a revision makes of these assessments: the components {@code replacements} states take the place of
     * the old ones, then {@code evidence} is appended to the misalignment assessment.
     *
     * @throws IllegalStateException when there is evidence but no misalignment assessment to add it to
     */
    public Assessments revisedWith(Assessments replacements, List<EvidenceItem> evidence) {
        Assessments replaced = replacedBy(replacements);
        if (evidence.isEmpty()) {
            return replaced;
        }
        if (replaced.misalignment == null) {
            throw new IllegalStateException(
                    "there is no misalignment assessment to add evidence to; replace assessments.misalignment");
        }
        return new Assessments(replaced.security, replaced.misalignment.withMoreEvidence(evidence), replaced.misuse);
    }

    /** These assessments with the components that {@code replacements} states put in place of the old ones. */
    public Assessments replacedBy(Assessments replacements) {
        if (replacements == null) {
            return this;
        }
        return new Assessments(
                replacements.security != null ? replacements.security : security,
                replacements.misalignment != null ? replacements.misalignment : misalignment,
                replacements.misuse != null ? replacements.misuse : misuse);
    }
}
