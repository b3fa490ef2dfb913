package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.view.CompanyStatus;
import org.riskbudget.contracts.view.RegimeStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.BudgetReclaimedEvent;
import org.riskbudget.contracts.event.BudgetTransferredEvent;
import org.riskbudget.contracts.event.CompanyRegisteredEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.event.RegimePolicyChangedEvent;
import org.riskbudget.contracts.event.SafetyCaseAcceptedEvent;
import org.riskbudget.contracts.event.SafetyCaseExpiredEvent;
import org.riskbudget.contracts.event.SafetyCaseRejectedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevokedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.event.SafetyCaseWithdrawnEvent;
import org.riskbudget.contracts.event.SafetyCasesFlaggedEvent;
import org.riskbudget.contracts.event.TransferApprovedEvent;
import org.riskbudget.contracts.event.TransferRejectedEvent;
import org.riskbudget.contracts.event.TransferRequestedEvent;
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
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.safetycase.SecurityAssessment;
import org.riskbudget.contracts.safetycase.SecurityLevel;

/**
 * The replay recomputes a regime's books from its events alone and reports every event that breaks a rule, at
 * that event's sequence. Logs are written here by hand, sealed as the ledger seals them; the figures of the clean
 * history are those of the essay scenario ({@code shared/scenarios/essay-smoking-gun.json}).
 */
class LedgerReplayTest {

    private static final RegimeId GLOBAL = RegimeId.of("global");
    private static final Actor REGULATOR = new Actor(Role.REGULATOR, "regulator", null);
    private static final Actor AUDITOR = new Actor(Role.AUDITOR, "auditor", null);
    private static final Instant AT = Instant.parse("2027-01-01T12:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2027-07-01T00:00:00Z");
    private static final CompanyId A = CompanyId.of("frontier-a");
    private static final CompanyId B = CompanyId.of("frontier-b");
    private static final CompanyId C = CompanyId.of("frontier-c");
    private static final CaseId ATLAS = CaseId.of("a-atlas-7");
    private static final CaseId CIRRUS = CaseId.of("c-cirrus-1");

    /** The essay's a-atlas-7: SL4 at 100000, scheming prior 3 % with evidence 4:1 and 10:1, misuse 50000. */
    private static final Assessments ATLAS_ASSESSMENTS = assessments(100_000, "0.03", 50_000, "4", "10");
    private static final long ATLAS_RISK_PPB = 922_599;
    private static final Assessments CIRRUS_ASSESSMENTS = assessments(20_000, "0.01", 10_000, "5", "10");
    private static final long CIRRUS_RISK_PPB = 231_980;
    private static final List<EvidenceItem> SMOKING_GUN = List.of(new EvidenceItem(EvidenceKind.INCIDENT,
            "caught inserting a backdoor during safety research", LikelihoodRatio.of("0.2")));
    private static final long ATLAS_REVISED_RISK_PPB = 4_001_092;

    private static Assessments assessments(long securityPpb, String prior, long misusePpb, String... ratios) {
        List<EvidenceItem> evidence = Arrays.stream(ratios)
                .map(ratio -> new EvidenceItem(EvidenceKind.OTHER, "evidence " + ratio, LikelihoodRatio.of(ratio)))
                .toList();
        return new Assessments(new SecurityAssessment(SecurityLevel.SL4, Ppb.of(securityPpb)),
                new MisalignmentAssessment(Probability.of(prior), evidence, null), new MisuseAssessment(Ppb.of(misusePpb)));
    }

    private static Assessments misuseOnly(long misusePpb) {
        return new Assessments(null, null, new MisuseAssessment(Ppb.of(misusePpb)));
    }

    /**
     * A regime's log written by hand: each event gets the next sequence and the previous event's hash, and is
     * sealed as the ledger seals it. {@code sequence} and {@code regime} can be set to write a broken log.
     */
    private static final class Log {

        final List<LedgerEvent> events = new ArrayList<>();
        long sequence = 1;
        RegimeId regime = GLOBAL;

        private <E extends LedgerEvent> E add(E draft) {
            E sealed = EventChain.seal(draft);
            events.add(sealed);
            sequence++;
            return sealed;
        }

        private String previousHash() {
            return events.isEmpty() ? EventChain.genesis(GLOBAL) : events.get(events.size() - 1).hash();
        }

        private Actor company(CompanyId companyId) {
            return new Actor(Role.COMPANY, companyId.value() + "-user", companyId);
        }

        Log open(long capPpb) {
            add(new RegimeOpenedEvent(regime, sequence, AT, REGULATOR, "Industry lifetime budget", Ppb.of(capPpb),
                    RegimePolicy.defaults(), previousHash(), null));
            return this;
        }

        Log policy(RegimePolicy policy) {
            add(new RegimePolicyChangedEvent(regime, sequence, AT, REGULATOR, policy, previousHash(), null));
            return this;
        }

        Log register(CompanyId... companyIds) {
            for (CompanyId companyId : companyIds) {
                add(new CompanyRegisteredEvent(regime, sequence, AT, REGULATOR, companyId, companyId.value() + " Inc.",
                        previousHash(), null));
            }
            return this;
        }

        Log allocate(CompanyId companyId, Ppb amount) {
            add(new BudgetAllocatedEvent(regime, sequence, AT, REGULATOR, companyId, amount, previousHash(), null));
            return this;
        }

        Log allocate(CompanyId companyId, long amountPpb) {
            return allocate(companyId, Ppb.of(amountPpb));
        }

        Log reclaim(CompanyId companyId, long amountPpb) {
            add(new BudgetReclaimedEvent(regime, sequence, AT, REGULATOR, companyId, Ppb.of(amountPpb), "unused",
                    previousHash(), null));
            return this;
        }

        Log transfer(String transferId, CompanyId from, CompanyId to, long amountPpb) {
            add(new BudgetTransferredEvent(regime, sequence, AT, company(from), TransferId.of(transferId), from, to,
                    Ppb.of(amountPpb), "trade", previousHash(), null));
            return this;
        }

        Log requestTransfer(String transferId, CompanyId from, CompanyId to, long amountPpb) {
            add(new TransferRequestedEvent(regime, sequence, AT, company(from), TransferId.of(transferId), from, to,
                    Ppb.of(amountPpb), "trade", previousHash(), null));
            return this;
        }

        Log approveTransfer(String transferId, CompanyId from, CompanyId to, long amountPpb) {
            add(new TransferApprovedEvent(regime, sequence, AT, REGULATOR, TransferId.of(transferId), from, to,
                    Ppb.of(amountPpb), "fine", previousHash(), null));
            return this;
        }

        Log rejectTransfer(String transferId, CompanyId from, CompanyId to, long amountPpb) {
            add(new TransferRejectedEvent(regime, sequence, AT, REGULATOR, TransferId.of(transferId), from, to,
                    Ppb.of(amountPpb), "no", previousHash(), null));
            return this;
        }

        Log submit(CaseId caseId, CompanyId companyId, Assessments assessments, long riskPpb, CaseId... dependsOn) {
            add(new SafetyCaseSubmittedEvent(regime, sequence, AT, company(companyId), caseId, companyId,
                    new AiSystem("system", "1"), CapabilityTier.AI_3X, new DeploymentWindow(AT, WINDOW_END),
                    assessments, List.of(dependsOn), Ppb.of(riskPpb), assessments.riskBreakdown(), previousHash(),
                    null));
            return this;
        }

        Log accept(CaseId caseId, CompanyId companyId, long amountPpb) {
            add(new SafetyCaseAcceptedEvent(regime, sequence, AT, REGULATOR, caseId, companyId, Ppb.of(amountPpb),
                    "meets policy", previousHash(), null));
            return this;
        }

        Log reject(CaseId caseId, CompanyId companyId, long amountPpb) {
            add(new SafetyCaseRejectedEvent(regime, sequence, AT, REGULATOR, caseId, companyId, Ppb.of(amountPpb),
                    "weak evidence", previousHash(), null));
            return this;
        }

        Log withdraw(CaseId caseId, CompanyId companyId, long amountPpb) {
            add(new SafetyCaseWithdrawnEvent(regime, sequence, AT, company(companyId), caseId, companyId,
                    Ppb.of(amountPpb), "not needed", previousHash(), null));
            return this;
        }

        Log revoke(CaseId caseId, CompanyId companyId) {
            add(new SafetyCaseRevokedEvent(regime, sequence, AT, REGULATOR, caseId, companyId, "stop",
                    previousHash(), null));
            return this;
        }

        Log expire(CaseId caseId, CompanyId companyId, Instant at) {
            add(new SafetyCaseExpiredEvent(regime, sequence, at, Actor.SYSTEM, caseId, companyId, previousHash(),
                    null));
            return this;
        }

        Log revise(CaseId caseId, CompanyId companyId, List<EvidenceItem> evidence, long previousRiskPpb,
                long riskPpb, long additionalChargePpb) {
            add(new SafetyCaseRevisedEvent(regime, sequence, AT, AUDITOR, caseId, companyId, "new evidence", evidence,
                    null, Ppb.of(previousRiskPpb), Ppb.of(riskPpb), Ppb.of(additionalChargePpb), previousHash(),
                    null));
            return this;
        }

        Log flag(CaseId source, CaseId... flagged) {
            add(new SafetyCasesFlaggedEvent(regime, sequence, AT, Actor.SYSTEM, source,
                    CaseFlag.DEPENDENCY_COMPROMISED, List.of(flagged), previousHash(), null));
            return this;
        }

        /** Opened with a cap of 2.5 M ppb, three companies, a, b and c holding 1 M, 750 k and 500 k. */
        static Log funded() {
            return new Log().open(2_500_000).register(A, B, C)
                    .allocate(A, 1_000_000).allocate(B, 750_000).allocate(C, 500_000);
        }

        /** The essay's history up to the smoking gun: a-atlas-7 accepted, the trade, c-cirrus-1 accepted. */
        static Log essayBeforeTheSmokingGun() {
            return funded()
                    .submit(ATLAS, A, ATLAS_ASSESSMENTS, ATLAS_RISK_PPB)
                    .accept(ATLAS, A, ATLAS_RISK_PPB)
                    .transfer("b-to-a-1", B, A, 200_000)
                    .submit(CIRRUS, C, CIRRUS_ASSESSMENTS, CIRRUS_RISK_PPB, ATLAS)
                    .accept(CIRRUS, C, CIRRUS_RISK_PPB);
        }

        /** The whole essay: the smoking gun revises a-atlas-7 to 4001092 ppb and flags c-cirrus-1. */
        static Log essay() {
            return essayBeforeTheSmokingGun()
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB,
                            ATLAS_REVISED_RISK_PPB - ATLAS_RISK_PPB)
                    .flag(ATLAS, CIRRUS);
        }

        LedgerReplay replay() {
            return LedgerReplay.of(events);
        }
    }

    private static RegimeBooks.Company company(RegimeBooks books, CompanyId companyId) {
        return books.company(companyId).orElseThrow();
    }

    @Nested
    class CleanHistories {

        @Test
        void theEssayScenarioReplaysToItsPublishedFigures() {
            LedgerReplay replay = Log.essay().replay();
            RegimeBooks books = replay.books();

            assertThat(replay.findings()).isEmpty();
            assertThat(replay.isClean()).isTrue();
            assertThat(books.regimeId()).isEqualTo(GLOBAL);
            assertThat(books.capPpb()).isEqualTo(Ppb.of(2_500_000));
            assertThat(books.poolPpb()).isEqualTo(Ppb.of(250_000));
            assertThat(books.allocatedPpb()).isEqualTo(Ppb.of(2_250_000));
            assertThat(books.reservedPpb()).isEqualTo(Ppb.ZERO);
            assertThat(books.spentPpb()).isEqualTo(Ppb.of(4_233_072));
            assertThat(books.remainingPpb()).isEqualTo(Ppb.of(-1_733_072));
            assertThat(books.status()).isEqualTo(RegimeStatus.CAP_EXCEEDED);
            assertThat(books.lastSequence()).isEqualTo(14);
            assertThat(books.lastHash()).isEqualTo(Log.essay().events.get(13).hash()).matches("[0-9a-f]{64}");
        }

        @Test
        void theEssayScenarioLeavesEachCompanyWithItsPublishedAccounts() {
            RegimeBooks books = Log.essay().replay().books();

            assertThat(company(books, A)).isEqualTo(new RegimeBooks.Company(A, "frontier-a Inc.", Ppb.of(1_000_000),
                    Ppb.of(-2_801_092), Ppb.ZERO, Ppb.of(4_001_092), Ppb.of(200_000),
                    CompanyStatus.PAUSE_REQUIRED));
            assertThat(company(books, B)).isEqualTo(new RegimeBooks.Company(B, "frontier-b Inc.", Ppb.of(750_000),
                    Ppb.of(550_000), Ppb.ZERO, Ppb.ZERO, Ppb.of(-200_000), CompanyStatus.ACTIVE));
            assertThat(company(books, C)).isEqualTo(new RegimeBooks.Company(C, "frontier-c Inc.", Ppb.of(500_000),
                    Ppb.of(268_020), Ppb.ZERO, Ppb.of(CIRRUS_RISK_PPB), Ppb.ZERO, CompanyStatus.ACTIVE));
            assertThat(books.companies()).extracting(RegimeBooks.Company::companyId).containsExactly(A, B, C);
        }

        @Test
        void theEssayScenarioLeavesItsCasesAndTradeOnRecord() {
            RegimeBooks books = Log.essay().replay().books();

            assertThat(books.safetyCase(ATLAS)).contains(new RegimeBooks.SafetyCase(ATLAS, A, CaseStatus.ACCEPTED,
                    Ppb.of(ATLAS_REVISED_RISK_PPB), Ppb.of(ATLAS_REVISED_RISK_PPB), Ppb.ZERO, List.of()));
            assertThat(books.safetyCase(CIRRUS)).contains(new RegimeBooks.SafetyCase(CIRRUS, C, CaseStatus.ACCEPTED,
                    Ppb.of(CIRRUS_RISK_PPB), Ppb.of(CIRRUS_RISK_PPB), Ppb.ZERO,
                    List.of(CaseFlag.DEPENDENCY_COMPROMISED)));
            assertThat(books.transfer(TransferId.of("b-to-a-1"))).contains(new RegimeBooks.Transfer(
                    TransferId.of("b-to-a-1"), B, A, Ppb.of(200_000), TransferStatus.COMPLETED));
        }

        @Test
        void beforeTheSmokingGunTheRegimeIsWithinItsCap() {
            RegimeBooks books = Log.essayBeforeTheSmokingGun().replay().books();

            assertThat(books.spentPpb()).isEqualTo(Ppb.of(ATLAS_RISK_PPB + CIRRUS_RISK_PPB));
            assertThat(books.remainingPpb()).isEqualTo(Ppb.of(2_500_000 - ATLAS_RISK_PPB - CIRRUS_RISK_PPB));
            assertThat(books.status()).isEqualTo(RegimeStatus.WITHIN_CAP);
            assertThat(company(books, A).availablePpb()).isEqualTo(Ppb.of(1_000_000 - ATLAS_RISK_PPB + 200_000));
        }

        @Test
        void pendingTransfersAndCasesUnderReviewAreReservedThenSettled() {
            Log log = Log.funded()
                    .policy(new RegimePolicy(null, null, null, null, true, null))
                    .requestTransfer("t-1", B, A, 100_000)
                    .requestTransfer("t-2", B, C, 50_000)
                    .submit(ATLAS, A, misuseOnly(300_000), 300_000)
                    .submit(CIRRUS, C, misuseOnly(40_000), 40_000);
            RegimeBooks underReview = log.replay().books();

            assertThat(underReview.reservedPpb()).isEqualTo(Ppb.of(490_000));
            assertThat(underReview.remainingPpb()).isEqualTo(Ppb.of(2_010_000));
            assertThat(company(underReview, B).availablePpb()).isEqualTo(Ppb.of(600_000));
            assertThat(company(underReview, B).reservedPpb()).isEqualTo(Ppb.of(150_000));
            assertThat(company(underReview, B).netTransferredPpb()).isEqualTo(Ppb.ZERO);

            LedgerReplay settled = log.approveTransfer("t-1", B, A, 100_000)
                    .rejectTransfer("t-2", B, C, 50_000)
                    .withdraw(ATLAS, A, 300_000)
                    .reject(CIRRUS, C, 40_000)
                    .reclaim(C, 500_000)
                    .replay();
            RegimeBooks books = settled.books();

            assertThat(settled.findings()).isEmpty();
            assertThat(books.reservedPpb()).isEqualTo(Ppb.ZERO);
            assertThat(books.spentPpb()).isEqualTo(Ppb.ZERO);
            assertThat(books.poolPpb()).isEqualTo(Ppb.of(750_000));
            assertThat(company(books, A)).isEqualTo(new RegimeBooks.Company(A, "frontier-a Inc.", Ppb.of(1_000_000),
                    Ppb.of(1_100_000), Ppb.ZERO, Ppb.ZERO, Ppb.of(100_000), CompanyStatus.ACTIVE));
            assertThat(company(books, B)).isEqualTo(new RegimeBooks.Company(B, "frontier-b Inc.", Ppb.of(750_000),
                    Ppb.of(650_000), Ppb.ZERO, Ppb.ZERO, Ppb.of(-100_000), CompanyStatus.ACTIVE));
            assertThat(company(books, C).allocatedPpb()).isEqualTo(Ppb.ZERO);
            assertThat(books.transfer(TransferId.of("t-2")).orElseThrow().status()).isEqualTo(TransferStatus.REJECTED);
            assertThat(books.safetyCase(ATLAS).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(books.safetyCase(CIRRUS).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
        }

        @Test
        void aDownwardRevisionLowersTheEstimateAndRefundsNothing() {
            Log log = Log.funded()
                    .submit(ATLAS, A, ATLAS_ASSESSMENTS, ATLAS_RISK_PPB)
                    .accept(ATLAS, A, ATLAS_RISK_PPB);
            List<EvidenceItem> reassuring = List.of(
                    new EvidenceItem(EvidenceKind.INTERPRETABILITY, "probe finds no deception", LikelihoodRatio.of("2")));
            long lowerRiskPpb = assessments(100_000, "0.03", 50_000, "4", "10", "2").riskBreakdown().totalPpb().value();
            LedgerReplay replay = log.revise(ATLAS, A, reassuring, ATLAS_RISK_PPB, lowerRiskPpb, 0).replay();

            assertThat(replay.findings()).isEmpty();
            assertThat(lowerRiskPpb).isLessThan(ATLAS_RISK_PPB);
            RegimeBooks.SafetyCase atlas = replay.books().safetyCase(ATLAS).orElseThrow();
            assertThat(atlas.riskPpb()).isEqualTo(Ppb.of(lowerRiskPpb));
            assertThat(atlas.chargedPpb()).isEqualTo(Ppb.of(ATLAS_RISK_PPB));
            assertThat(company(replay.books(), A).spentPpb()).isEqualTo(Ppb.of(ATLAS_RISK_PPB));
        }

        @Test
        void aRevisionAfterADownwardOneChargesOnlyWhatExceedsWhatWasCharged() {
            Log log = Log.funded()
                    .submit(ATLAS, A, misuseOnly(100_000), 100_000)
                    .accept(ATLAS, A, 100_000);
            log.add(new SafetyCaseRevisedEvent(GLOBAL, log.sequence, AT, AUDITOR, ATLAS, A, "misuse mitigated",
                    List.of(), misuseOnly(60_000), Ppb.of(100_000), Ppb.of(60_000), Ppb.ZERO, log.previousHash(), null));
            // From 60 000 up to 130 000: only the 30 000 above the 100 000 already charged is spent now.
            log.add(new SafetyCaseRevisedEvent(GLOBAL, log.sequence, AT, AUDITOR, ATLAS, A, "misuse found",
                    List.of(), misuseOnly(130_000), Ppb.of(60_000), Ppb.of(130_000), Ppb.of(30_000), log.previousHash(),
                    null));
            LedgerReplay replay = log.replay();

            assertThat(replay.findings()).isEmpty();
            assertThat(replay.books().safetyCase(ATLAS).orElseThrow().chargedPpb()).isEqualTo(Ppb.of(130_000));
            assertThat(company(replay.books(), A).spentPpb()).isEqualTo(Ppb.of(130_000));
        }

        @Test
        void revokedAndExpiredCasesKeepWhatTheySpentAndMayStillBeRevised() {
            Log log = Log.funded()
                    .submit(ATLAS, A, misuseOnly(100_000), 100_000)
                    .accept(ATLAS, A, 100_000)
                    .submit(CIRRUS, C, misuseOnly(10_000), 10_000, ATLAS)
                    .accept(CIRRUS, C, 10_000)
                    .revoke(ATLAS, A)
                    .flag(ATLAS, CIRRUS)
                    .expire(CIRRUS, C, WINDOW_END);
            Assessments worse = misuseOnly(150_000);
            log.add(new SafetyCaseRevisedEvent(GLOBAL, log.sequence, AT, AUDITOR, ATLAS, A, "misuse found", List.of(),
                    worse, Ppb.of(100_000), Ppb.of(150_000), Ppb.of(50_000), log.previousHash(), null));
            LedgerReplay replay = log.replay();

            assertThat(replay.findings()).isEmpty();
            assertThat(replay.books().safetyCase(ATLAS).orElseThrow().status()).isEqualTo(CaseStatus.REVOKED);
            assertThat(replay.books().safetyCase(ATLAS).orElseThrow().chargedPpb()).isEqualTo(Ppb.of(150_000));
            assertThat(replay.books().safetyCase(CIRRUS).orElseThrow().status()).isEqualTo(CaseStatus.EXPIRED);
            assertThat(replay.books().spentPpb()).isEqualTo(Ppb.of(160_000));
        }

        @Test
        void anEmptyLogHasEmptyBooks() {
            LedgerReplay replay = LedgerReplay.of(List.of());

            assertThat(replay.findings()).isEmpty();
            assertThat(replay.books().regimeId()).isNull();
            assertThat(replay.books().lastSequence()).isZero();
            assertThat(replay.books().companies()).isEmpty();
        }

        @Test
        void readingEventByEventGivesTheSameBooksAsReadingTheLog() {
            List<LedgerEvent> events = Log.essay().events;
            LedgerReplay stepwise = new LedgerReplay();
            for (LedgerEvent event : events) {
                event.accept(stepwise);
            }

            assertThat(stepwise.books()).isEqualTo(LedgerReplay.of(events).books());
            assertThat(stepwise.findings()).isEmpty();
        }
    }

    /** One finding kind per nested test class; each proves the kind is reported at the offending event. */
    @Nested
    class EachFindingKind {

        private static void assertFound(LedgerReplay replay, long sequence, String rule) {
            assertThat(replay.findings())
                    .as("findings of the replay")
                    .extracting(f -> f.sequence() + " " + f.rule())
                    .contains(sequence + " " + rule);
        }

        private static void assertOnlyFound(LedgerReplay replay, long sequence, String... rules) {
            assertThat(replay.findings())
                    .as("findings of the replay")
                    .extracting(f -> f.sequence() + " " + f.rule())
                    .containsExactlyInAnyOrder(Arrays.stream(rules).map(rule -> sequence + " " + rule).toArray(String[]::new));
        }

        @Test
        void aGapInTheSequenceIsReportedOnceAtTheEventAfterIt() {
            Log log = new Log().open(2_500_000).register(A);
            log.sequence = 5;
            log.register(B).allocate(B, 10);

            assertOnlyFound(log.replay(), 5, Finding.SEQUENCE_BROKEN);
        }

        @Test
        void aRepeatedSequenceIsReported() {
            Log log = new Log().open(2_500_000).register(A);
            log.sequence = 2;
            log.register(B);

            assertOnlyFound(log.replay(), 2, Finding.SEQUENCE_BROKEN);
        }

        @Test
        void aMissingEventIsReportedWhereItWasExpected() {
            List<LedgerEvent> events = new ArrayList<>(Log.funded().events);
            events.add(3, null);

            LedgerReplay replay = LedgerReplay.of(events);
            assertFound(replay, 4, Finding.MALFORMED_EVENT);
        }

        @Test
        void anEventOfAnotherRegimeIsReported() {
            Log log = new Log().open(2_500_000).register(A);
            log.regime = RegimeId.of("unilateral");
            log.register(B);

            assertOnlyFound(log.replay(), 3, Finding.REGIME_MISMATCH);
        }

        @Test
        void anEventWithoutItsAmountIsReportedAndNotApplied() {
            Log log = new Log().open(2_500_000).register(A).allocate(A, null);
            LedgerReplay replay = log.replay();

            assertOnlyFound(replay, 3, Finding.MALFORMED_EVENT);
            assertThat(replay.books().poolPpb()).isEqualTo(Ppb.of(2_500_000));
        }

        @Test
        void anAcceptanceWithoutItsAmountIsReportedAndNotApplied() {
            Log log = Log.funded().submit(ATLAS, A, misuseOnly(100), 100);
            log.add(new SafetyCaseAcceptedEvent(GLOBAL, log.sequence, AT, REGULATOR, ATLAS, A, null, "meets policy",
                    log.previousHash(), null));
            LedgerReplay replay = log.replay();

            assertOnlyFound(replay, 9, Finding.MALFORMED_EVENT);
            assertThat(replay.books().safetyCase(ATLAS).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);
        }

        @Test
        void aMovementOfNothingOrOfMoreThanProbabilityOneIsAnInvalidAmount() {
            LedgerReplay nothing = new Log().open(2_500_000).register(A).allocate(A, 0).replay();
            LedgerReplay negative = new Log().open(2_500_000).register(A).allocate(A, -5).replay();
            LedgerReplay huge = new Log().open(Ppb.ONE).register(A).allocate(A, Ppb.ONE + 1).replay();

            assertOnlyFound(nothing, 3, Finding.INVALID_AMOUNT);
            assertOnlyFound(negative, 3, Finding.INVALID_AMOUNT);
            assertOnlyFound(huge, 3, Finding.INVALID_AMOUNT);
            assertThat(negative.books().poolPpb()).as("not applied").isEqualTo(Ppb.of(2_500_000));
        }

        @Test
        void anAllocationToAnUnregisteredCompanyIsAnUnknownReference() {
            LedgerReplay replay = new Log().open(2_500_000).register(A).allocate(B, 10).replay();

            assertOnlyFound(replay, 3, Finding.UNKNOWN_REFERENCE);
            assertThat(replay.books().poolPpb()).as("not applied").isEqualTo(Ppb.of(2_500_000));
        }

        @Test
        void decisionsOnUnknownCasesAndTransfersAreUnknownReferences() {
            LedgerReplay acceptance = Log.funded().accept(ATLAS, A, 10).replay();
            LedgerReplay approval = Log.funded().approveTransfer("t-9", A, B, 10).replay();
            LedgerReplay dependency = Log.funded().submit(CIRRUS, C, misuseOnly(10), 10, ATLAS).replay();

            assertOnlyFound(acceptance, 8, Finding.UNKNOWN_REFERENCE);
            assertOnlyFound(approval, 8, Finding.UNKNOWN_REFERENCE);
            assertOnlyFound(dependency, 8, Finding.UNKNOWN_REFERENCE);
        }

        @Test
        void aSecondRegistrationOfACompanyIsADuplicateAndKeepsItsAccounts() {
            LedgerReplay replay = Log.funded().register(A).replay();

            assertOnlyFound(replay, 8, Finding.DUPLICATE_ID);
            assertThat(company(replay.books(), A).availablePpb()).isEqualTo(Ppb.of(1_000_000));
        }

        @Test
        void aReusedCaseOrTransferIdIsADuplicate() {
            LedgerReplay reusedCase = Log.funded().submit(ATLAS, A, misuseOnly(10), 10)
                    .submit(ATLAS, B, misuseOnly(20), 20).replay();
            LedgerReplay reusedTransfer = Log.funded().transfer("t-1", A, B, 10).transfer("t-1", B, C, 20).replay();

            assertOnlyFound(reusedCase, 9, Finding.DUPLICATE_ID);
            assertOnlyFound(reusedTransfer, 9, Finding.DUPLICATE_ID);
            assertThat(company(reusedCase.books(), B).reservedPpb()).as("not applied").isEqualTo(Ppb.ZERO);
        }

        @Test
        void acceptingACaseThatIsNotSubmittedIsAnInvalidState() {
            LedgerReplay replay = Log.funded().submit(ATLAS, A, misuseOnly(10), 10)
                    .reject(ATLAS, A, 10)
                    .accept(ATLAS, A, 0)
                    .replay();

            assertOnlyFound(replay, 10, Finding.INVALID_STATE);
        }

        @Test
        void approvingATransferThatIsNotPendingIsAnInvalidState() {
            LedgerReplay replay = Log.funded()
                    .requestTransfer("t-1", A, B, 10)
                    .approveTransfer("t-1", A, B, 10)
                    .approveTransfer("t-1", A, B, 10)
                    .replay();

            assertFound(replay, 10, Finding.INVALID_STATE);
            assertThat(replay.findings()).allMatch(finding -> finding.sequence() == 10);
        }

        @Test
        void revisingACaseNeverDeployedIsAnInvalidState() {
            LedgerReplay replay = Log.funded()
                    .submit(ATLAS, A, ATLAS_ASSESSMENTS, ATLAS_RISK_PPB)
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB,
                            ATLAS_REVISED_RISK_PPB)
                    .replay();

            assertOnlyFound(replay, 9, Finding.INVALID_STATE);
        }

        @Test
        void otherImpossibleTransitionsAreInvalidStates() {
            LedgerReplay beforeOpening = new Log().register(A).replay();
            LedgerReplay reopened = new Log().open(2_500_000).open(2_500_000).replay();
            LedgerReplay earlyExpiry = Log.funded().submit(ATLAS, A, misuseOnly(10), 10).accept(ATLAS, A, 10)
                    .expire(ATLAS, A, WINDOW_END.minusSeconds(1)).replay();
            LedgerReplay undeployedDependency = Log.funded().submit(ATLAS, A, misuseOnly(10), 10)
                    .submit(CIRRUS, C, misuseOnly(10), 10, ATLAS).replay();
            LedgerReplay strayFlag = Log.funded().submit(ATLAS, A, misuseOnly(10), 10)
                    .submit(CIRRUS, C, misuseOnly(10), 10).flag(ATLAS, CIRRUS).replay();

            assertOnlyFound(beforeOpening, 1, Finding.INVALID_STATE);
            assertOnlyFound(reopened, 2, Finding.INVALID_STATE);
            assertOnlyFound(earlyExpiry, 10, Finding.INVALID_STATE);
            assertOnlyFound(undeployedDependency, 9, Finding.INVALID_STATE);
            assertOnlyFound(strayFlag, 10, Finding.INVALID_STATE);
        }

        @Test
        void aDecisionNamingAnotherCompanyThanTheCaseIsAPartyMismatch() {
            LedgerReplay replay = Log.funded().submit(ATLAS, A, misuseOnly(10), 10).accept(ATLAS, B, 10).replay();

            assertFound(replay, 9, Finding.PARTY_MISMATCH);
        }

        @Test
        void aSettlementNamingOtherPartiesThanTheRequestIsAPartyMismatch() {
            LedgerReplay replay = Log.funded().requestTransfer("t-1", A, B, 10).approveTransfer("t-1", A, C, 10)
                    .replay();

            assertOnlyFound(replay, 9, Finding.PARTY_MISMATCH);
        }

        @Test
        void anAcceptanceOfOtherThanTheReservedAmountIsAnAmountMismatch() {
            LedgerReplay replay = Log.funded().submit(ATLAS, A, misuseOnly(100), 100).accept(ATLAS, A, 90).replay();

            assertOnlyFound(replay, 9, Finding.AMOUNT_MISMATCH);
        }

        @Test
        void aRejectionOrWithdrawalOfOtherThanTheReservedAmountIsAnAmountMismatch() {
            LedgerReplay rejection = Log.funded().submit(ATLAS, A, misuseOnly(100), 100).reject(ATLAS, A, 101)
                    .replay();
            LedgerReplay withdrawal = Log.funded().submit(ATLAS, A, misuseOnly(100), 100).withdraw(ATLAS, A, 99)
                    .replay();

            assertFound(rejection, 9, Finding.AMOUNT_MISMATCH);
            assertOnlyFound(withdrawal, 9, Finding.AMOUNT_MISMATCH);
        }

        @Test
        void anApprovalOrRejectionOfOtherThanThePendingAmountIsAnAmountMismatch() {
            LedgerReplay approval = Log.funded().requestTransfer("t-1", A, B, 10).approveTransfer("t-1", A, B, 11)
                    .replay();
            LedgerReplay rejection = Log.funded().requestTransfer("t-1", A, B, 10).rejectTransfer("t-1", A, B, 9)
                    .replay();

            assertFound(approval, 9, Finding.AMOUNT_MISMATCH);
            assertOnlyFound(rejection, 9, Finding.AMOUNT_MISMATCH);
        }

        @Test
        void aRevisionChargingOtherThanTheNewRiskAboveWhatWasChargedIsAnAmountMismatch() {
            LedgerReplay undercharged = Log.essayBeforeTheSmokingGun()
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB, 1_000_000)
                    .replay();

            assertOnlyFound(undercharged, 13, Finding.AMOUNT_MISMATCH);
            assertThat(company(undercharged.books(), A).spentPpb()).as("applied as stated")
                    .isEqualTo(Ppb.of(ATLAS_RISK_PPB + 1_000_000));
        }

        @Test
        void aSubmissionStatingOtherThanTheRiskOfItsAssessmentsIsARiskMismatch() {
            LedgerReplay replay = Log.funded().submit(ATLAS, A, ATLAS_ASSESSMENTS, 500_000).replay();

            assertOnlyFound(replay, 8, Finding.RISK_MISMATCH);
        }

        @Test
        void aRevisionStatingOtherThanTheRiskOfItsRevisedAssessmentsIsARiskMismatch() {
            long understatedPpb = 2_000_000;
            LedgerReplay replay = Log.essayBeforeTheSmokingGun()
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, understatedPpb, understatedPpb - ATLAS_RISK_PPB)
                    .replay();

            // The charge is checked against the recomputed risk, so the understated charge is reported too.
            assertOnlyFound(replay, 13, Finding.RISK_MISMATCH, Finding.AMOUNT_MISMATCH);
        }

        @Test
        void aRevisionStatingAnotherPreviousEstimateIsARiskMismatch() {
            LedgerReplay replay = Log.essayBeforeTheSmokingGun()
                    .revise(ATLAS, A, SMOKING_GUN, 900_000, ATLAS_REVISED_RISK_PPB,
                            ATLAS_REVISED_RISK_PPB - ATLAS_RISK_PPB)
                    .replay();

            assertOnlyFound(replay, 13, Finding.RISK_MISMATCH);
        }

        @Test
        void anAllocationAboveThePoolIsOverdrawnAndLeavesThePoolNegative() {
            LedgerReplay replay = Log.funded().allocate(C, 300_000).replay();

            assertOnlyFound(replay, 8, Finding.OVERDRAWN, Finding.NEGATIVE_BALANCE);
            assertThat(replay.books().poolPpb()).as("applied as stated").isEqualTo(Ppb.of(-50_000));
        }

        @Test
        void aReclaimTransferOrSubmissionAboveWhatTheCompanyHasIsOverdrawn() {
            assertOnlyFound(Log.funded().reclaim(C, 500_001).replay(), 8, Finding.OVERDRAWN);
            assertOnlyFound(Log.funded().transfer("t-1", C, A, 500_001).replay(), 8, Finding.OVERDRAWN);
            assertOnlyFound(Log.funded().requestTransfer("t-1", C, A, 500_001).replay(), 8, Finding.OVERDRAWN);
            assertOnlyFound(Log.funded().submit(CIRRUS, C, misuseOnly(500_001), 500_001).replay(), 8,
                    Finding.OVERDRAWN);
        }

        @Test
        void movingExactlyWhatIsAvailableIsNotOverdrawn() {
            assertThat(Log.funded().transfer("t-1", C, A, 500_000).replay().findings()).isEmpty();
            assertThat(Log.funded().allocate(C, 250_000).replay().findings()).isEmpty();
        }

        @Test
        void aSubmissionByACompanyWithANegativeBalanceIsCompanyPaused() {
            Log log = Log.essay().submit(CaseId.of("a-atlas-8"), A, misuseOnly(2_000), 2_000);

            assertOnlyFound(log.replay(), 15, Finding.COMPANY_PAUSED);
        }

        @Test
        void anAcceptanceForACompanyWithANegativeBalanceIsCompanyPaused() {
            CaseId pending = CaseId.of("a-atlas-8");
            Log log = Log.essayBeforeTheSmokingGun()
                    .submit(pending, A, misuseOnly(2_000), 2_000)
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB,
                            ATLAS_REVISED_RISK_PPB - ATLAS_RISK_PPB)
                    .flag(ATLAS, CIRRUS)
                    .accept(pending, A, 2_000);

            assertOnlyFound(log.replay(), 16, Finding.COMPANY_PAUSED);
        }

        @Test
        void aPausedCompanyMayStillWithdrawItsCases() {
            CaseId pending = CaseId.of("a-atlas-8");
            Log log = Log.essayBeforeTheSmokingGun()
                    .submit(pending, A, misuseOnly(2_000), 2_000)
                    .revise(ATLAS, A, SMOKING_GUN, ATLAS_RISK_PPB, ATLAS_REVISED_RISK_PPB,
                            ATLAS_REVISED_RISK_PPB - ATLAS_RISK_PPB)
                    .flag(ATLAS, CIRRUS)
                    .withdraw(pending, A, 2_000);

            assertThat(log.replay().findings()).isEmpty();
        }

        @Test
        void aReservedAccountDrivenNegativeIsReportedOnceWhereItHappens() {
            LedgerReplay replay = Log.funded().submit(ATLAS, A, misuseOnly(100), 100)
                    .accept(ATLAS, A, 150)
                    .allocate(B, 1)
                    .replay();

            assertOnlyFound(replay, 9, Finding.AMOUNT_MISMATCH, Finding.NEGATIVE_BALANCE);
            assertThat(company(replay.books(), A).reservedPpb()).isEqualTo(Ppb.of(-50));
        }

        @Test
        void aReopeningThatResetsThePoolBreaksTheInvariant() {
            LedgerReplay replay = Log.funded().open(2_500_000).allocate(A, 1).replay();

            assertOnlyFound(replay, 8, Finding.INVALID_STATE, Finding.INVARIANT_BROKEN);
            assertThat(replay.findings()).filteredOn(f -> f.rule().equals(Finding.INVARIANT_BROKEN))
                    .singleElement()
                    .extracting(Finding::detail)
                    .isEqualTo("pool + available + reserved + spent = 4750000 ppb, cap = 2500000 ppb");
        }
    }

    @Nested
    class BadData {

        @Test
        void eventsWithNothingInThemAreReportedNeverThrown() {
            List<LedgerEvent> hollow = List.of(
                    new RegimeOpenedEvent(null, 0, null, null, null, null, null, null, null),
                    new RegimePolicyChangedEvent(null, 0, null, null, null, null, null),
                    new CompanyRegisteredEvent(null, 0, null, null, null, null, null, null),
                    new BudgetAllocatedEvent(null, 0, null, null, null, null, null, null),
                    new BudgetReclaimedEvent(null, 0, null, null, null, null, null, null, null),
                    new BudgetTransferredEvent(null, 0, null, null, null, null, null, null, null, null, null),
                    new TransferRequestedEvent(null, 0, null, null, null, null, null, null, null, null, null),
                    new TransferApprovedEvent(null, 0, null, null, null, null, null, null, null, null, null),
                    new TransferRejectedEvent(null, 0, null, null, null, null, null, null, null, null, null),
                    new SafetyCaseSubmittedEvent(null, 0, null, null, null, null, null, null, null, null, null, null,
                            null, null, null),
                    new SafetyCaseAcceptedEvent(null, 0, null, null, null, null, null, null, null, null),
                    new SafetyCaseRejectedEvent(null, 0, null, null, null, null, null, null, null, null),
                    new SafetyCaseWithdrawnEvent(null, 0, null, null, null, null, null, null, null, null),
                    new SafetyCaseRevokedEvent(null, 0, null, null, null, null, null, null, null),
                    new SafetyCaseExpiredEvent(null, 0, null, null, null, null, null, null),
                    new SafetyCaseRevisedEvent(null, 0, null, null, null, null, null, null, null, null, null, null,
                            null, null),
                    new SafetyCasesFlaggedEvent(null, 0, null, null, null, null, null, null, null));
            List<LedgerEvent> afterAnOpening = new ArrayList<>(Log.funded().events);
            afterAnOpening.addAll(hollow);

            assertThatCode(() -> LedgerReplay.of(hollow)).doesNotThrowAnyException();
            LedgerReplay replay = LedgerReplay.of(afterAnOpening);
            assertThat(replay.findings()).isNotEmpty()
                    .extracting(Finding::rule)
                    .doesNotContain(Finding.INVARIANT_BROKEN, Finding.NEGATIVE_BALANCE);
            assertThat(replay.books().poolPpb()).isEqualTo(Ppb.of(250_000));
        }

        @Test
        void aSubmissionWithoutAssessmentsIsReportedAndItsStatedRiskReserved() {
            Log log = Log.funded();
            log.add(new SafetyCaseSubmittedEvent(GLOBAL, log.sequence, AT, REGULATOR, ATLAS, A,
                    new AiSystem("atlas", "7"), CapabilityTier.AI_3X, null, null, null, Ppb.of(10), null,
                    log.previousHash(), null));
            LedgerReplay replay = log.replay();

            assertThat(replay.findings()).extracting(Finding::rule).containsOnly(Finding.MALFORMED_EVENT);
            assertThat(company(replay.books(), A).reservedPpb()).isEqualTo(Ppb.of(10));
        }
    }
}
