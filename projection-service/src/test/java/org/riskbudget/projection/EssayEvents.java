package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.safetycase.SecurityAssessment;
import org.riskbudget.contracts.safetycase.SecurityLevel;

/**
 * The events the ledger stores for the scenario {@code essay-smoking-gun.json}: its successful commands only (the
 * refused ones store nothing, the repeated transfer is answered from its idempotency record). Fourteen events:
 * open; register a, b, c; allocate 1000000, 750000, 500000; submit and accept a-atlas-7 (922599); transfer 200000
 * b → a; submit and accept c-cirrus-1 (231980) depending on a-atlas-7; revise a-atlas-7 to 4001092 (charging
 * 3078493 more); flag c-cirrus-1.
 */
final class EssayEvents {

    static final long ATLAS_RISK_PPB = 922_599;
    static final long CIRRUS_RISK_PPB = 231_980;
    static final long ATLAS_REVISED_RISK_PPB = 4_001_092;
    static final long LAST_SEQUENCE = 14;

    private EssayEvents() {}

    static RegimeEvents build(String regimeId, Instant start) {
        RegimeEvents regime = new RegimeEvents(regimeId, start);
        regime.open("Industry lifetime budget", 2_500_000);
        regime.register("frontier-a", "Frontier A");
        regime.register("frontier-b", "Frontier B");
        regime.register("frontier-c", "Frontier C");
        regime.allocate("frontier-a", 1_000_000);
        regime.allocate("frontier-b", 750_000);
        regime.allocate("frontier-c", 500_000);

        Assessments atlas = new Assessments(new SecurityAssessment(SecurityLevel.SL4, Ppb.of(100_000)),
                new MisalignmentAssessment(Probability.of("0.03"), List.of(
                        evidence(EvidenceKind.CONTROL, "control evaluation with trusted monitoring", "4"),
                        evidence(EvidenceKind.BEHAVIOURAL, "honeypots and model organisms", "10")), null),
                new MisuseAssessment(Ppb.of(50_000)));
        assertThat(atlas.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(ATLAS_RISK_PPB));
        regime.submit("a-atlas-7", "frontier-a", new AiSystem("atlas", "7"), CapabilityTier.AI_10X,
                window("2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"), atlas, List.of());
        regime.accept("a-atlas-7", "frontier-a", ATLAS_RISK_PPB);

        regime.transfer("b-to-a-1", "frontier-b", "frontier-a", 200_000);

        Assessments cirrus = new Assessments(new SecurityAssessment(SecurityLevel.SL3, Ppb.of(20_000)),
                new MisalignmentAssessment(Probability.of("0.01"), List.of(
                        evidence(EvidenceKind.INTERPRETABILITY, "probe-based deception detector", "5"),
                        evidence(EvidenceKind.CONTROL, "untrusted-monitoring protocol", "10")), null),
                new MisuseAssessment(Ppb.of(10_000)));
        assertThat(cirrus.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(CIRRUS_RISK_PPB));
        regime.submit("c-cirrus-1", "frontier-c", new AiSystem("cirrus", "1"), CapabilityTier.AI_3X,
                window("2027-01-01T00:00:00Z", "2027-04-01T00:00:00Z"), cirrus, List.of("a-atlas-7"));
        regime.accept("c-cirrus-1", "frontier-c", CIRRUS_RISK_PPB);

        List<EvidenceItem> smokingGun = List.of(evidence(EvidenceKind.INCIDENT,
                "caught inserting a backdoor during safety research", "0.2"));
        assertThat(atlas.revisedWith(null, smokingGun).riskBreakdown().totalPpb())
                .isEqualTo(Ppb.of(ATLAS_REVISED_RISK_PPB));
        regime.revise("a-atlas-7", "frontier-a", "smoking-gun evidence of scheming in a red-team exercise",
                smokingGun, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB, ATLAS_REVISED_RISK_PPB - ATLAS_RISK_PPB);
        regime.flag("a-atlas-7", "c-cirrus-1");
        assertThat(regime.lastSequence()).isEqualTo(LAST_SEQUENCE);
        return regime;
    }

    private static EvidenceItem evidence(EvidenceKind kind, String description, String likelihoodRatio) {
        return new EvidenceItem(kind, description, LikelihoodRatio.of(likelihoodRatio));
    }

    private static DeploymentWindow window(String from, String to) {
        return new DeploymentWindow(Instant.parse(from), Instant.parse(to));
    }
}
