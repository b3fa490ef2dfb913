package org.riskbudget.ledger.regime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.command.ApproveTransferCommand;
import org.riskbudget.contracts.command.CaseDecision;
import org.riskbudget.contracts.command.ChangeRegimePolicyCommand;
import org.riskbudget.contracts.command.DecideSafetyCaseCommand;
import org.riskbudget.contracts.command.ExpireSafetyCaseCommand;
import org.riskbudget.contracts.command.OpenRegimeCommand;
import org.riskbudget.contracts.command.ReclaimBudgetCommand;
import org.riskbudget.contracts.command.RegisterCompanyCommand;
import org.riskbudget.contracts.command.RejectTransferCommand;
import org.riskbudget.contracts.command.ReviseSafetyCaseCommand;
import org.riskbudget.contracts.command.SubmitSafetyCaseCommand;
import org.riskbudget.contracts.command.TransferBudgetCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.safetycase.SecurityAssessment;
import org.riskbudget.contracts.safetycase.SecurityLevel;
import org.riskbudget.contracts.safetycase.ThreatModel;

/**
 * Concise commands for the regime tests, with fixed actors, one regime and the cases of the worked scenarios
 * ({@code shared/scenarios/essay-smoking-gun.json} and {@code unilateral-approvals.json}), so a test reads as the
 * history it builds.
 */
final class Commands {

    static final RegimeId REGIME = RegimeId.of("global");
    /** 0.25 %: the essay's industry cap. */
    static final long CAP_PPB = 2_500_000;

    static final CompanyId A = CompanyId.of("frontier-a");
    static final CompanyId B = CompanyId.of("frontier-b");
    static final CompanyId C = CompanyId.of("frontier-c");
    /** A company no command ever registered. */
    static final CompanyId UNREGISTERED = CompanyId.of("frontier-x");

    static final Actor REGULATOR = new Actor(Role.REGULATOR, "reg", null);
    static final Actor AUDITOR = new Actor(Role.AUDITOR, "aud", null);
    static final Actor VIEWER = new Actor(Role.VIEWER, "viewer", null);
    static final Actor COMPANY_A = new Actor(Role.COMPANY, "a", A);
    static final Actor COMPANY_B = new Actor(Role.COMPANY, "b", B);
    static final Actor COMPANY_C = new Actor(Role.COMPANY, "c", C);
    static final Actor COMPANY_X = new Actor(Role.COMPANY, "x", UNREGISTERED);
    /** A regulator's reviewer employed by frontier-a: may not decide frontier-a's cases. */
    static final Actor REVIEWER_FROM_A = new Actor(Role.REGULATOR, "reg-a", A);
    /** A regulator's reviewer employed by frontier-b: independent of frontier-a. */
    static final Actor REVIEWER_FROM_B = new Actor(Role.REGULATOR, "reg-b", B);

    /** What the fixed clock reads in every test unless a test says otherwise: before every deployment window. */
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final DeploymentWindow WINDOW = new DeploymentWindow(Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2027-07-01T00:00:00Z"));

    /** The essay's a-atlas-7: SL4 100000 + misalignment (0.03; 4, 10) 772599 + misuse 50000. */
    static final long ATLAS_7_RISK_PPB = 922_599;
    /** a-atlas-7 after the smoking-gun evidence (likelihood ratio 0.2). */
    static final long ATLAS_7_REVISED_RISK_PPB = 4_001_092;
    /** The essay's c-cirrus-1: SL3 20000 + misalignment (0.01; 5, 10) 201980 + misuse 10000. */
    static final long CIRRUS_1_RISK_PPB = 231_980;
    /** The unilateral scenario's s-1, s-2, s-3 and s-1 after the 0.5 evidence. */
    static final long S1_RISK_PPB = 570_752;
    static final long S2_RISK_PPB = 515_251;
    static final long S3_RISK_PPB = 215_161;
    static final long S1_REVISED_RISK_PPB = 1_071_002;

    private Commands() {}

    static Ppb ppb(long value) {
        return Ppb.of(value);
    }

    /** The fixed actor of a company: COMPANY_A for frontier-a, and so on. */
    static Actor companyActor(CompanyId company) {
        return List.of(COMPANY_A, COMPANY_B, COMPANY_C, COMPANY_X).stream()
                .filter(actor -> actor.actsFor(company))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no actor for " + company.value()));
    }

    // ---------------------------------------------------------------- histories

    /** Sequence 1..7: the essay's regime, three companies, 1000000 / 750000 / 500000 allocated; 250000 in the pool. */
    static List<Object> threeCompanies() {
        return List.of(open(), register(A), register(B), register(C), allocate(A, 1_000_000), allocate(B, 750_000),
                allocate(C, 500_000));
    }

    /** Sequence 1..5 of the unilateral scenario's shape: transfers need approval; A 1000000, B 500000. */
    static List<Object> twoCompaniesWithApprovedTransfers() {
        return List.of(open(policy().transfersNeedApproval().build()), register(A), register(B),
                allocate(A, 1_000_000), allocate(B, 500_000));
    }

    static List<Object> history(List<?>... parts) {
        List<Object> all = new ArrayList<>();
        for (List<?> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /**
     * Commands that bring frontier-a's plain case {@code a-1} (100000 ppb) into {@code status}, after
     * {@link #threeCompanies()}. EXPIRED needs a clock at or after {@link #WINDOW}'s end.
     */
    static List<Object> caseA1In(CaseStatus status) {
        List<Object> commands = new ArrayList<>(threeCompanies());
        commands.add(submitPlain("a-1", A, 100_000));
        switch (status) {
            case SUBMITTED -> { }
            case ACCEPTED -> commands.add(accept("a-1"));
            case REJECTED -> commands.add(reject("a-1"));
            case WITHDRAWN -> commands.add(withdraw("a-1", COMPANY_A));
            case REVOKED -> commands.addAll(List.of(accept("a-1"), revoke("a-1")));
            case EXPIRED -> commands.addAll(List.of(accept("a-1"), expire("a-1", Actor.SYSTEM)));
        }
        return commands;
    }

    /**
     * Sequence 1..11: frontier-a must pause. Its accepted a-1 (400000) was revised to 1100000, which overdrew its
     * available balance to −200000 while its a-2 (100000) is under review.
     */
    static List<Object> pausedA() {
        return history(threeCompanies(), List.of(submitPlain("a-1", A, 400_000), accept("a-1"),
                submitPlain("a-2", A, 100_000), reviseMisuse("a-1", 1_100_000)));
    }

    /** Sequence 1..12 of the essay: a-atlas-7 accepted, B sold A 200000, c-cirrus-1 (depending on it) accepted. */
    static List<Object> essayBeforeTheSmokingGun() {
        return history(threeCompanies(), List.of(submitAtlas7(), accept("a-atlas-7"),
                transfer("b-to-a-1", B, A, 200_000), submitCirrus1(), accept("c-cirrus-1")));
    }

    /**
     * Sequence 1..16 of the unilateral scenario, with A as "solo" and B as "other": a self-certifying regime whose
     * transfers need approval; s-1, s-2 (on s-1), s-3 (on s-2) spent; B's sale t-1 approved, its t-3 rejected.
     */
    static List<Object> unilateralBeforeTheRevocation() {
        return List.of(open(policy().selfCertifying().transfersNeedApproval().build()), register(A), register(B),
                allocate(A, 1_000_000), allocate(B, 500_000),
                submit("s-1", A, CapabilityTier.AI_3X, s1()),
                transfer("t-1", B, A, 500_000), approveTransfer("t-1"),
                submit("s-2", A, CapabilityTier.AI_3X, s2(), "s-1"),
                submit("s-3", A, CapabilityTier.AI_3X, s3(), "s-2"),
                allocate(B, 100_000),
                transfer("t-3", B, A, 50_000), rejectTransfer("t-3"));
    }

    // ---------------------------------------------------------------- regime, companies, budget

    static OpenRegimeCommand open() {
        return open(RegimePolicy.defaults());
    }

    static OpenRegimeCommand open(RegimePolicy policy) {
        return open(policy, REGULATOR);
    }

    static OpenRegimeCommand open(RegimePolicy policy, Actor actor) {
        return new OpenRegimeCommand(REGIME, "Industry lifetime budget", ppb(CAP_PPB), policy, actor);
    }

    static RegisterCompanyCommand register(CompanyId company) {
        return register(company, REGULATOR);
    }

    static RegisterCompanyCommand register(CompanyId company, Actor actor) {
        return new RegisterCompanyCommand(REGIME, company, "Company " + company.value(), actor);
    }

    static AllocateBudgetCommand allocate(CompanyId company, long amountPpb) {
        return allocate(company, amountPpb, REGULATOR);
    }

    static AllocateBudgetCommand allocate(CompanyId company, long amountPpb, Actor actor) {
        return new AllocateBudgetCommand(REGIME, company, ppb(amountPpb), actor);
    }

    static ReclaimBudgetCommand reclaim(CompanyId company, long amountPpb) {
        return reclaim(company, amountPpb, REGULATOR);
    }

    static ReclaimBudgetCommand reclaim(CompanyId company, long amountPpb, Actor actor) {
        return new ReclaimBudgetCommand(REGIME, company, ppb(amountPpb), "concentration limit", actor);
    }

    static ChangeRegimePolicyCommand changePolicy(RegimePolicy policy) {
        return changePolicy(policy, REGULATOR);
    }

    static ChangeRegimePolicyCommand changePolicy(RegimePolicy policy, Actor actor) {
        return new ChangeRegimePolicyCommand(REGIME, policy, actor);
    }

    // ---------------------------------------------------------------- transfers

    /** A transfer sent by the sending company itself. */
    static TransferBudgetCommand transfer(String transferId, CompanyId from, CompanyId to, long amountPpb) {
        return transfer(transferId, from, to, amountPpb, companyActor(from));
    }

    static TransferBudgetCommand transfer(String transferId, CompanyId from, CompanyId to, long amountPpb,
            Actor actor) {
        return new TransferBudgetCommand(REGIME, TransferId.of(transferId), from, to, ppb(amountPpb),
                "trade " + transferId, actor);
    }

    static ApproveTransferCommand approveTransfer(String transferId) {
        return approveTransfer(transferId, REGULATOR);
    }

    static ApproveTransferCommand approveTransfer(String transferId, Actor actor) {
        return new ApproveTransferCommand(REGIME, TransferId.of(transferId), "approved", actor);
    }

    static RejectTransferCommand rejectTransfer(String transferId) {
        return rejectTransfer(transferId, REGULATOR);
    }

    static RejectTransferCommand rejectTransfer(String transferId, Actor actor) {
        return new RejectTransferCommand(REGIME, TransferId.of(transferId), "concentration limit", actor);
    }

    // ---------------------------------------------------------------- safety cases

    /** A case submitted by its own company. */
    static SubmitSafetyCaseCommand submit(String caseId, CompanyId company, CapabilityTier tier,
            Assessments assessments, String... dependsOn) {
        return submit(caseId, company, tier, assessments, companyActor(company), dependsOn);
    }

    static SubmitSafetyCaseCommand submit(String caseId, CompanyId company, CapabilityTier tier,
            Assessments assessments, Actor actor, String... dependsOn) {
        return new SubmitSafetyCaseCommand(REGIME, CaseId.of(caseId), company, new AiSystem(caseId, "1"), tier,
                WINDOW, assessments, Arrays.stream(dependsOn).map(CaseId::of).toList(), actor);
    }

    /**
     * A case whose risk is exactly {@code riskPpb}: a single misuse component, of a tier (AI_3X) with no minimum
     * security level under the default policy, submitted by its own company.
     */
    static SubmitSafetyCaseCommand submitPlain(String caseId, CompanyId company, long riskPpb, String... dependsOn) {
        return submit(caseId, company, CapabilityTier.AI_3X, misuseOnly(riskPpb), dependsOn);
    }

    /** The essay's a-atlas-7 of frontier-a, an AI_10X system at SL4: 922599 ppb. */
    static SubmitSafetyCaseCommand submitAtlas7() {
        return submit("a-atlas-7", A, CapabilityTier.AI_10X, atlas7());
    }

    /** The essay's c-cirrus-1 of frontier-c, depending on a-atlas-7: 231980 ppb. */
    static SubmitSafetyCaseCommand submitCirrus1() {
        return submit("c-cirrus-1", C, CapabilityTier.AI_3X, cirrus1(), "a-atlas-7");
    }

    static DecideSafetyCaseCommand accept(String caseId) {
        return accept(caseId, REGULATOR);
    }

    static DecideSafetyCaseCommand accept(String caseId, Actor actor) {
        return decide(caseId, CaseDecision.ACCEPT, "meets policy", actor);
    }

    static DecideSafetyCaseCommand reject(String caseId) {
        return reject(caseId, REGULATOR);
    }

    static DecideSafetyCaseCommand reject(String caseId, Actor actor) {
        return decide(caseId, CaseDecision.REJECT, "evidence too thin", actor);
    }

    static DecideSafetyCaseCommand withdraw(String caseId, Actor actor) {
        return decide(caseId, CaseDecision.WITHDRAW, "withdrawn by the company", actor);
    }

    static DecideSafetyCaseCommand revoke(String caseId) {
        return revoke(caseId, REGULATOR);
    }

    static DecideSafetyCaseCommand revoke(String caseId, Actor actor) {
        return decide(caseId, CaseDecision.REVOKE, "monitoring found unreported capability", actor);
    }

    private static DecideSafetyCaseCommand decide(String caseId, CaseDecision decision, String reasons, Actor actor) {
        return new DecideSafetyCaseCommand(REGIME, CaseId.of(caseId), decision, reasons, actor);
    }

    /** A revision bringing evidence to append to the case's misalignment assessment. */
    static ReviseSafetyCaseCommand reviseWithEvidence(String caseId, Actor actor, EvidenceItem... evidence) {
        return new ReviseSafetyCaseCommand(REGIME, CaseId.of(caseId), "new evidence", List.of(evidence), null, actor);
    }

    /** A revision replacing the components {@code replacements} states. */
    static ReviseSafetyCaseCommand reviseReplacing(String caseId, Actor actor, Assessments replacements) {
        return new ReviseSafetyCaseCommand(REGIME, CaseId.of(caseId), "reassessed", List.of(), replacements, actor);
    }

    /** A revision replacing the misuse component, which sets a plain case's risk to exactly {@code riskPpb}. */
    static ReviseSafetyCaseCommand reviseMisuse(String caseId, long riskPpb) {
        return reviseReplacing(caseId, AUDITOR, misuseOnly(riskPpb));
    }

    static ExpireSafetyCaseCommand expire(String caseId, Actor actor) {
        return new ExpireSafetyCaseCommand(REGIME, CaseId.of(caseId), actor);
    }

    // ---------------------------------------------------------------- assessments and evidence

    static Assessments atlas7() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL4, ppb(100_000)),
                new MisalignmentAssessment(Probability.of("0.03"),
                        List.of(evidence(EvidenceKind.CONTROL, "control evaluation with trusted monitoring", "4"),
                                evidence(EvidenceKind.BEHAVIOURAL, "honeypots and model organisms", "10")),
                        null),
                new MisuseAssessment(ppb(50_000)));
    }

    static Assessments cirrus1() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL3, ppb(20_000)),
                new MisalignmentAssessment(Probability.of("0.01"),
                        List.of(evidence(EvidenceKind.INTERPRETABILITY, "probe-based deception detector", "5"),
                                evidence(EvidenceKind.CONTROL, "untrusted-monitoring protocol", "10")),
                        null),
                new MisuseAssessment(ppb(10_000)));
    }

    /** The unilateral scenario's s-1: SL3 50000 + misalignment (0.002; 4) + misuse 20000 = 570752. */
    static Assessments s1() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL3, ppb(50_000)),
                new MisalignmentAssessment(Probability.of("0.002"),
                        List.of(evidence(EvidenceKind.CONTROL, "trusted monitoring", "4")), null),
                new MisuseAssessment(ppb(20_000)));
    }

    /** s-2: SL3 10000 + misalignment (0.001; 2) + misuse 5000 = 515251. */
    static Assessments s2() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL3, ppb(10_000)),
                new MisalignmentAssessment(Probability.of("0.001"),
                        List.of(evidence(EvidenceKind.BEHAVIOURAL, "evals", "2")), null),
                new MisuseAssessment(ppb(5_000)));
    }

    /** s-3: SL3 10000 + misalignment (0.001; 5) + misuse 5000 = 215161. */
    static Assessments s3() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL3, ppb(10_000)),
                new MisalignmentAssessment(Probability.of("0.001"),
                        List.of(evidence(EvidenceKind.INTERPRETABILITY, "probes", "5")), null),
                new MisuseAssessment(ppb(5_000)));
    }

    /** s-4, BELOW_3X: SL2 1000 + misalignment (0.0001; no evidence) 100000 + misuse 1000 = 102000. */
    static Assessments s4() {
        return new Assessments(new SecurityAssessment(SecurityLevel.SL2, ppb(1_000)),
                new MisalignmentAssessment(Probability.of("0.0001"), List.of(), null),
                new MisuseAssessment(ppb(1_000)));
    }

    static Assessments misuseOnly(long riskPpb) {
        return new Assessments(null, null, new MisuseAssessment(ppb(riskPpb)));
    }

    static Assessments securityOnly(SecurityLevel level, long riskPpb) {
        return new Assessments(new SecurityAssessment(level, ppb(riskPpb)), null, null);
    }

    /** Only a misalignment assessment: prior 0.0001 and one evidence item claiming {@code likelihoodRatio}. */
    static Assessments withEvidenceRatio(String likelihoodRatio) {
        return new Assessments(null, new MisalignmentAssessment(Probability.of("0.0001"),
                List.of(evidence(EvidenceKind.BEHAVIOURAL, "evaluation suite", likelihoodRatio)), null), null);
    }

    static EvidenceItem evidence(EvidenceKind kind, String description, String likelihoodRatio) {
        return new EvidenceItem(kind, description, LikelihoodRatio.of(likelihoodRatio));
    }

    /** The essay's smoking gun: caught inserting a backdoor, 0.2 (five times likelier if scheming). */
    static EvidenceItem smokingGun() {
        return evidence(EvidenceKind.INCIDENT, "caught inserting a backdoor during safety research", "0.2");
    }

    /** The unilateral scenario's evaluation gaming: 0.5. */
    static EvidenceItem sandbagging() {
        return evidence(EvidenceKind.INCIDENT, "sandbagging on dangerous-capability evals", "0.5");
    }

    // ---------------------------------------------------------------- policies

    static PolicyBuilder policy() {
        return new PolicyBuilder();
    }

    /** A policy differing from the defaults in the fields a test names. */
    static final class PolicyBuilder {
        private Map<CapabilityTier, SecurityLevel> minSecurityLevel;
        private final Map<CapabilityTier, Set<ThreatModel>> requiredThreatModels = new EnumMap<>(CapabilityTier.class);
        private LikelihoodRatio maxEvidenceLikelihoodRatio;
        private Ppb maxCaseRiskPpb;
        private boolean transfersNeedApproval;
        private boolean reviewRequired = true;

        /** Replaces the default minimums (TEDAI SL5, AI_10X SL4) with this one alone. */
        PolicyBuilder minSecurityLevel(CapabilityTier tier, SecurityLevel level) {
            minSecurityLevel = new EnumMap<>(CapabilityTier.class);
            minSecurityLevel.put(tier, level);
            return this;
        }

        PolicyBuilder requiredThreatModels(CapabilityTier tier, ThreatModel first, ThreatModel... more) {
            requiredThreatModels.put(tier, EnumSet.of(first, more));
            return this;
        }

        PolicyBuilder maxEvidenceLikelihoodRatio(String ratio) {
            maxEvidenceLikelihoodRatio = LikelihoodRatio.of(ratio);
            return this;
        }

        PolicyBuilder maxCaseRiskPpb(long riskPpb) {
            maxCaseRiskPpb = ppb(riskPpb);
            return this;
        }

        PolicyBuilder transfersNeedApproval() {
            transfersNeedApproval = true;
            return this;
        }

        PolicyBuilder selfCertifying() {
            reviewRequired = false;
            return this;
        }

        RegimePolicy build() {
            return new RegimePolicy(minSecurityLevel, requiredThreatModels, maxEvidenceLikelihoodRatio, maxCaseRiskPpb,
                    transfersNeedApproval, reviewRequired);
        }
    }
}
