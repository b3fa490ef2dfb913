package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskbudget.ledger.regime.Commands.A;
import static org.riskbudget.ledger.regime.Commands.ATLAS_7_REVISED_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.ATLAS_7_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.AUDITOR;
import static org.riskbudget.ledger.regime.Commands.B;
import static org.riskbudget.ledger.regime.Commands.C;
import static org.riskbudget.ledger.regime.Commands.CAP_PPB;
import static org.riskbudget.ledger.regime.Commands.CIRRUS_1_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.COMPANY_A;
import static org.riskbudget.ledger.regime.Commands.COMPANY_B;
import static org.riskbudget.ledger.regime.Commands.COMPANY_X;
import static org.riskbudget.ledger.regime.Commands.NOW;
import static org.riskbudget.ledger.regime.Commands.REGIME;
import static org.riskbudget.ledger.regime.Commands.REGULATOR;
import static org.riskbudget.ledger.regime.Commands.REVIEWER_FROM_A;
import static org.riskbudget.ledger.regime.Commands.REVIEWER_FROM_B;
import static org.riskbudget.ledger.regime.Commands.S1_REVISED_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.S1_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.S2_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.S3_RISK_PPB;
import static org.riskbudget.ledger.regime.Commands.UNREGISTERED;
import static org.riskbudget.ledger.regime.Commands.VIEWER;
import static org.riskbudget.ledger.regime.Commands.WINDOW;
import static org.riskbudget.ledger.regime.Commands.accept;
import static org.riskbudget.ledger.regime.Commands.allocate;
import static org.riskbudget.ledger.regime.Commands.approveTransfer;
import static org.riskbudget.ledger.regime.Commands.atlas7;
import static org.riskbudget.ledger.regime.Commands.caseA1In;
import static org.riskbudget.ledger.regime.Commands.changePolicy;
import static org.riskbudget.ledger.regime.Commands.essayBeforeTheSmokingGun;
import static org.riskbudget.ledger.regime.Commands.evidence;
import static org.riskbudget.ledger.regime.Commands.expire;
import static org.riskbudget.ledger.regime.Commands.history;
import static org.riskbudget.ledger.regime.Commands.misuseOnly;
import static org.riskbudget.ledger.regime.Commands.open;
import static org.riskbudget.ledger.regime.Commands.pausedA;
import static org.riskbudget.ledger.regime.Commands.policy;
import static org.riskbudget.ledger.regime.Commands.ppb;
import static org.riskbudget.ledger.regime.Commands.reclaim;
import static org.riskbudget.ledger.regime.Commands.register;
import static org.riskbudget.ledger.regime.Commands.reject;
import static org.riskbudget.ledger.regime.Commands.rejectTransfer;
import static org.riskbudget.ledger.regime.Commands.reviseMisuse;
import static org.riskbudget.ledger.regime.Commands.reviseReplacing;
import static org.riskbudget.ledger.regime.Commands.reviseWithEvidence;
import static org.riskbudget.ledger.regime.Commands.revoke;
import static org.riskbudget.ledger.regime.Commands.s4;
import static org.riskbudget.ledger.regime.Commands.sandbagging;
import static org.riskbudget.ledger.regime.Commands.securityOnly;
import static org.riskbudget.ledger.regime.Commands.smokingGun;
import static org.riskbudget.ledger.regime.Commands.submit;
import static org.riskbudget.ledger.regime.Commands.submitAtlas7;
import static org.riskbudget.ledger.regime.Commands.submitCirrus1;
import static org.riskbudget.ledger.regime.Commands.submitPlain;
import static org.riskbudget.ledger.regime.Commands.threeCompanies;
import static org.riskbudget.ledger.regime.Commands.transfer;
import static org.riskbudget.ledger.regime.Commands.twoCompaniesWithApprovedTransfers;
import static org.riskbudget.ledger.regime.Commands.unilateralBeforeTheRevocation;
import static org.riskbudget.ledger.regime.Commands.withEvidenceRatio;
import static org.riskbudget.ledger.regime.Commands.withdraw;
import static org.riskbudget.ledger.regime.LedgerMatchers.event;
import static org.riskbudget.ledger.regime.LedgerMatchers.events;
import static org.riskbudget.ledger.regime.LedgerMatchers.policyRefusal;
import static org.riskbudget.ledger.regime.LedgerMatchers.refusal;
import static org.riskbudget.ledger.regime.RegimeState.account;
import static org.riskbudget.ledger.regime.RegimeState.allocated;
import static org.riskbudget.ledger.regime.RegimeState.assertBalanced;
import static org.riskbudget.ledger.regime.RegimeState.remaining;
import static org.riskbudget.ledger.regime.RegimeState.safetyCase;
import static org.riskbudget.ledger.regime.RegimeState.totalSpent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.CommandAcknowledgement;
import org.riskbudget.contracts.api.SafetyCaseOutcome;
import org.riskbudget.contracts.api.TransferOutcome;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.command.ReviseSafetyCaseCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
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
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.PolicyRule;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.safetycase.SecurityAssessment;
import org.riskbudget.contracts.safetycase.SecurityLevel;
import org.riskbudget.contracts.safetycase.ThreatModel;

/**
 * The regime aggregate, command by command: every rule of {@code DESIGN.md} and the refusal that answers when it
 * is broken. History is built from real commands, so sequences and the hash chain are the aggregate's own. Every
 * successful command is followed by a check of the books ({@link RegimeState#assertBalanced}); every refusal by a
 * check that nothing was recorded.
 */
class RegimeTest {

    private FixtureConfiguration<Regime> fixture;

    @BeforeEach
    void createFixture() {
        fixture = fixtureAt(NOW);
    }

    /** A case's assessments as the regime's handlers read them: from the fixture's log, where the record points. */
    private Assessments recordedAssessments(Regime regime, String caseId) {
        return new RecordedAssessments(fixture.getEventStore()).of(REGIME, safetyCase(regime, caseId));
    }

    /** A fixture whose command handlers read {@code now} from their clock. */
    private static FixtureConfiguration<Regime> fixtureAt(Instant now) {
        FixtureConfiguration<Regime> fixture = new AggregateTestFixture<>(Regime.class);
        // The fixture's own check compares the working regime with one sourced from events, but stops at the first
        // Map whose values lack equals (CompanyAccount, SafetyCaseRecord) and reports a false change. balancedAnd
        // makes the same comparison field by field instead.
        fixture.setReportIllegalStateChange(false);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(new RecordedAssessments(fixture.getEventStore()));
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                (Object) ((LedgerCommand) command.getPayload()).regimeId().value(), null));
        return fixture;
    }

    /**
     * For {@code expectState} of every successful command: runs {@code checks}, then checks the books
     * ({@link RegimeState#assertBalanced}) and that the regime the command left is the regime its stored events
     * make, so no command handler changed state outside an event.
     */
    private Consumer<Regime> balancedAnd(Consumer<Regime> checks) {
        return regime -> {
            checks.accept(regime);
            assertBalanced(regime);
            assertThat(regime).as("the regime after the command, against the regime sourced from its events")
                    .usingRecursiveComparison()
                    // A set of ids indexes itself when first asked: the same ids, whether asked or not.
                    .withEqualsForType((ids, others) -> ids.text().equals(others.text()), IdSet.class)
                    .isEqualTo(sourcedFromEvents());
        };
    }

    private Consumer<Regime> balanced() {
        return balancedAnd(regime -> { });
    }

    /** A fresh regime with every stored event applied, given and new, as Axon loads it. */
    private Regime sourcedFromEvents() {
        Regime regime = new Regime();
        fixture.getEventStore().readEvents(REGIME.value()).asStream()
                .forEach(message -> regime.on((LedgerEvent) message.getPayload(), message.getSequenceNumber()));
        return regime;
    }

    /** The command was refused with a {@link LedgerException} matching {@code refusal} and recorded nothing. */
    private static void assertRefused(ResultValidator<Regime> result, Matcher<LedgerException> refusal) {
        result.expectException(LedgerException.class)
                .expectException(refusal)
                .expectNoEvents();
    }

    /**
     * Sends a command that must be refused, between the given history and the command under test, so a test can
     * show what a refusal leaves behind (nothing).
     */
    private LedgerException refusedInPassing(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        fixture.getCommandBus().dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        assertThat(result.isExceptional()).as("the command was refused").isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(LedgerException.class);
        return (LedgerException) result.exceptionResult();
    }

    /** An actor with this role; a company actor acts for frontier-a. */
    private static Actor actorWith(Role role) {
        return switch (role) {
            case REGULATOR -> REGULATOR;
            case AUDITOR -> AUDITOR;
            case COMPANY -> COMPANY_A;
            case VIEWER -> VIEWER;
            case SYSTEM -> Actor.SYSTEM;
        };
    }

    private static SafetyCaseOutcome outcome(String caseId, CaseStatus status, long riskPpb, long chargedPpb,
            List<CaseFlag> flags, long sequence) {
        return new SafetyCaseOutcome(CaseId.of(caseId), status, ppb(riskPpb), ppb(chargedPpb), flags, sequence);
    }

    private static TransferOutcome transferOutcome(String transferId, TransferStatus status, long sequence) {
        return new TransferOutcome(TransferId.of(transferId), status, sequence);
    }

    private static CommandAcknowledgement acknowledgement(long sequence) {
        return new CommandAcknowledgement(REGIME, sequence);
    }

    @Nested
    class OpenRegime {

        @Test
        void theWholeCapStartsInThePool() {
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(1))
                    .expectEventsMatching(events(event(RegimeOpenedEvent.class, opened -> {
                        assertThat(opened.sequence()).isEqualTo(1);
                        assertThat(opened.capPpb()).isEqualTo(ppb(CAP_PPB));
                        assertThat(opened.policy()).isEqualTo(RegimePolicy.defaults());
                        assertThat(opened.actor()).isEqualTo(REGULATOR);
                        assertThat(opened.occurredAt()).isEqualTo(NOW);
                        assertThat(opened.previousHash()).isEqualTo(EventChain.genesis(REGIME));
                        assertThat(EventChain.isIntact(opened)).as("hash intact").isTrue();
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(regime.capPpb()).isEqualTo(ppb(CAP_PPB));
                        assertThat(regime.poolPpb()).isEqualTo(ppb(CAP_PPB));
                        assertThat(allocated(regime)).isEqualTo(Ppb.ZERO);
                        assertThat(regime.companyAccounts()).isEmpty();
                        assertThat(regime.lastSequence()).isEqualTo(1);
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"AUDITOR", "COMPANY", "VIEWER", "SYSTEM"})
        void onlyTheRegulatorMayOpenARegime(Role role) {
            assertRefused(fixture.givenNoPriorActivity().when(open(RegimePolicy.defaults(), actorWith(role))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class RegisterCompany {

        @Test
        void aCompanyJoinsWithEmptyAccounts() {
            fixture.givenCommands(open())
                    .when(register(A))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(2))
                    .expectEventsMatching(events(event(CompanyRegisteredEvent.class, registered -> {
                        assertThat(registered.sequence()).isEqualTo(2);
                        assertThat(registered.companyId()).isEqualTo(A);
                    })))
                    .expectState(balancedAnd(regime -> {
                        CompanyAccount account = account(regime, A);
                        assertThat(account.availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account.reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account.spentPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account.isPauseRequired()).isFalse();
                        assertThat(regime.poolPpb()).isEqualTo(ppb(CAP_PPB));
                    }));
        }

        @Test
        void eachEventCarriesTheNextSequenceAndTheHashOfTheEventBeforeIt() {
            TestExecutor<Regime> given = fixture.givenCommands(threeCompanies());
            List<? extends DomainEventMessage<?>> stored = fixture.getEventStore().readEvents(REGIME.value())
                    .asStream().toList();
            assertThat(stored).hasSize(7);
            for (int i = 0; i < stored.size(); i++) {
                LedgerEvent storedEvent = (LedgerEvent) stored.get(i).getPayload();
                assertThat(storedEvent.sequence()).isEqualTo(i + 1);
                assertThat(EventChain.isIntact(storedEvent)).as("event %d intact", i + 1).isTrue();
                String previous = i == 0 ? EventChain.genesis(REGIME)
                        : ((LedgerEvent) stored.get(i - 1).getPayload()).hash();
                assertThat(storedEvent.previousHash()).as("event %d links to the one before", i + 1)
                        .isEqualTo(previous);
            }
            String lastHash = ((LedgerEvent) stored.get(6).getPayload()).hash();

            given.when(register(UNREGISTERED))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(8))
                    .expectEventsMatching(events(event(CompanyRegisteredEvent.class, registered -> {
                        assertThat(registered.sequence()).isEqualTo(8);
                        assertThat(registered.previousHash()).isEqualTo(lastHash);
                        assertThat(EventChain.isIntact(registered)).isTrue();
                    })))
                    .expectState(balanced());
        }

        @Test
        void aCompanyCannotBeRegisteredTwice() {
            assertRefused(fixture.givenCommands(open(), register(A)).when(register(A)),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void onlyTheRegulatorMayRegisterACompany() {
            assertRefused(fixture.givenCommands(open()).when(register(A, COMPANY_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class AllocateBudget {

        @Test
        void allocationMovesBudgetFromThePoolToTheCompany() {
            fixture.givenCommands(open(), register(A))
                    .when(allocate(A, 1_000_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(3))
                    .expectEventsMatching(events(event(BudgetAllocatedEvent.class, allocated -> {
                        assertThat(allocated.sequence()).isEqualTo(3);
                        assertThat(allocated.companyId()).isEqualTo(A);
                        assertThat(allocated.amountPpb()).isEqualTo(ppb(1_000_000));
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(regime.poolPpb()).isEqualTo(ppb(1_500_000));
                        assertThat(allocated(regime)).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, A)).hasFieldOrPropertyWithValue("allocatedPpb", ppb(1_000_000));
                    }));
        }

        @Test
        void theWholePoolMayBeAllocated() {
            fixture.givenCommands(threeCompanies())
                    .when(allocate(C, 250_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(8))
                    .expectState(balancedAnd(regime -> {
                        assertThat(regime.poolPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, C).availablePpb()).isEqualTo(ppb(750_000));
                    }));
        }

        @Test
        void allocationAbovePoolIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(allocate(C, 300_000)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void allocationToAnUnknownCompanyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(allocate(UNREGISTERED, 1)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void onlyTheRegulatorMayAllocate() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(allocate(A, 1, COMPANY_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void theRoleIsCheckedBeforeTheCompanyExists() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(allocate(UNREGISTERED, 1, AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void anAllocationThatRestoresANonNegativeBalanceEndsThePause() {
            fixture.givenCommands(pausedA())
                    .when(allocate(A, 200_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(12))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).isPauseRequired()).isFalse();
                    }));
        }

        @Test
        void anAllocationThatLeavesTheBalanceNegativeKeepsThePause() {
            fixture.givenCommands(pausedA())
                    .when(allocate(A, 199_999))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(-1));
                        assertThat(account(regime, A).isPauseRequired()).isTrue();
                    }));
        }
    }

    @Nested
    class ReclaimBudget {

        @Test
        void reclaimMovesAvailableBudgetBackToThePoolAndLowersTheAllocatedFigure() {
            fixture.givenCommands(threeCompanies())
                    .when(reclaim(A, 400_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(8))
                    .expectEventsMatching(events(event(BudgetReclaimedEvent.class, reclaimed -> {
                        assertThat(reclaimed.sequence()).isEqualTo(8);
                        assertThat(reclaimed.companyId()).isEqualTo(A);
                        assertThat(reclaimed.amountPpb()).isEqualTo(ppb(400_000));
                        assertThat(reclaimed.reason()).isNotBlank();
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(regime.poolPpb()).isEqualTo(ppb(650_000));
                        assertThat(allocated(regime)).isEqualTo(ppb(1_850_000));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(600_000));
                        assertThat(account(regime, A)).hasFieldOrPropertyWithValue("allocatedPpb", ppb(600_000));
                    }));
        }

        @Test
        void theWholeAvailableBalanceMayBeReclaimed() {
            fixture.givenCommands(threeCompanies())
                    .when(reclaim(B, 750_000))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, B).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(regime.poolPpb()).isEqualTo(ppb(1_000_000));
                    }));
        }

        @Test
        void reclaimAboveAvailableIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(reclaim(A, 1_000_001)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void budgetReservedForACaseUnderReviewCannotBeReclaimed() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitPlain("a-1", A, 400_000))))
                            .when(reclaim(A, 700_000)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void reclaimFromAnUnknownCompanyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(reclaim(UNREGISTERED, 1)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void onlyTheRegulatorMayReclaim() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(reclaim(A, 1, AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class TransferBudget {

        @Test
        void aTransferCompletesAtOnceWhenThePolicyAsksNoApproval() {
            fixture.givenCommands(threeCompanies())
                    .when(transfer("b-to-a-1", B, A, 200_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("b-to-a-1", TransferStatus.COMPLETED, 8))
                    .expectEventsMatching(events(event(BudgetTransferredEvent.class, transferred -> {
                        assertThat(transferred.sequence()).isEqualTo(8);
                        assertThat(transferred.transferId()).isEqualTo(TransferId.of("b-to-a-1"));
                        assertThat(transferred.fromCompanyId()).isEqualTo(B);
                        assertThat(transferred.toCompanyId()).isEqualTo(A);
                        assertThat(transferred.amountPpb()).isEqualTo(ppb(200_000));
                        assertThat(transferred.actor()).isEqualTo(COMPANY_B);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_200_000));
                        assertThat(account(regime, B).availablePpb()).isEqualTo(ppb(550_000));
                        assertThat(account(regime, A)).hasFieldOrPropertyWithValue("netTransferredPpb", ppb(200_000));
                        assertThat(account(regime, B)).hasFieldOrPropertyWithValue("netTransferredPpb", ppb(-200_000));
                        assertThat(RegimeState.transferStatus(regime, "b-to-a-1")).isEqualTo(TransferStatus.COMPLETED);
                        assertThat(regime.poolPpb()).isEqualTo(ppb(250_000));
                    }));
        }

        @Test
        void aTransferIsHeldPendingInTheSendersReservedAccountWhenThePolicyAsksApproval() {
            fixture.givenCommands(twoCompaniesWithApprovedTransfers())
                    .when(transfer("t-1", B, A, 500_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("t-1", TransferStatus.PENDING, 6))
                    .expectEventsMatching(events(event(TransferRequestedEvent.class, requested -> {
                        assertThat(requested.sequence()).isEqualTo(6);
                        assertThat(requested.fromCompanyId()).isEqualTo(B);
                        assertThat(requested.toCompanyId()).isEqualTo(A);
                        assertThat(requested.amountPpb()).isEqualTo(ppb(500_000));
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, B).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, B).reservedPpb()).isEqualTo(ppb(500_000));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, B)).hasFieldOrPropertyWithValue("netTransferredPpb", Ppb.ZERO);
                        assertThat(RegimeState.transferStatus(regime, "t-1")).isEqualTo(TransferStatus.PENDING);
                    }));
        }

        @Test
        void theWholeAvailableBalanceMayBeTransferred() {
            fixture.givenCommands(threeCompanies())
                    .when(transfer("t-1", B, A, 750_000))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balancedAnd(regime ->
                            assertThat(account(regime, B).availablePpb()).isEqualTo(Ppb.ZERO)));
        }

        @Test
        void aTransferInThatRestoresANonNegativeBalanceEndsThePause() {
            fixture.givenCommands(pausedA())
                    .when(transfer("b-to-a-1", B, A, 200_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("b-to-a-1", TransferStatus.COMPLETED, 12))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).isPauseRequired()).isFalse();
                    }));
        }

        @Test
        void theSenderMustBeTheCallersCompany() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", B, C, 1, COMPANY_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"REGULATOR", "AUDITOR", "VIEWER", "SYSTEM"})
        void onlyACompanyMayTransfer(Role role) {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", B, A, 1, actorWith(role))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aTransferAboveAvailableIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", B, A, 750_001)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void budgetHeldForAPendingTransferCannotBeSentAgain() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000))))
                            .when(transfer("t-2", B, A, 1)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void aTransferToAnUnknownCompanyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", B, UNREGISTERED, 1)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void aTransferFromAnUnregisteredCompanyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", UNREGISTERED, A, 1, COMPANY_X)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void aTransferIdCannotBeUsedTwice() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(transfer("b-to-a-1", B, A, 200_000))))
                            .when(transfer("b-to-a-1", B, A, 1)),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void theIdOfATransferTheRegulatorRejectedStaysTaken() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000), rejectTransfer("t-1"))))
                            .when(transfer("t-1", B, A, 1)),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void theIdOfARefusedTransferMayBeUsedAgain() {
            TestExecutor<Regime> given = fixture.givenCommands(threeCompanies());
            assertThat(refusedInPassing(transfer("t-9", B, A, 750_001)).code())
                    .isEqualTo(LedgerErrorCode.INSUFFICIENT_BUDGET);

            given.when(transfer("t-9", B, A, 750_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("t-9", TransferStatus.COMPLETED, 8))
                    .expectEventsMatching(events(event(BudgetTransferredEvent.class, transferred ->
                            assertThat(transferred.amountPpb()).isEqualTo(ppb(750_000)))));
            // After a rolled-back unit of work the fixture will not show the working regime: read the stored one.
            Regime after = sourcedFromEvents();
            assertBalanced(after);
            assertThat(account(after, A).availablePpb()).isEqualTo(ppb(1_750_000));
        }

        @Test
        void forbiddenComesBeforeNotFound() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(transfer("t-1", UNREGISTERED, A, 1, COMPANY_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void notFoundComesBeforeADuplicateId() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(transfer("b-to-a-1", B, A, 200_000))))
                            .when(transfer("b-to-a-1", B, UNREGISTERED, 1)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void aDuplicateIdComesBeforeInsufficientBudget() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(transfer("b-to-a-1", B, A, 200_000))))
                            .when(transfer("b-to-a-1", B, A, 800_000)),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }
    }

    @Nested
    class ApproveTransfer {

        @Test
        void approvalMovesTheSendersReservedBudgetToTheReceiver() {
            fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(), List.of(transfer("t-1", B, A, 500_000))))
                    .when(approveTransfer("t-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("t-1", TransferStatus.COMPLETED, 7))
                    .expectEventsMatching(events(event(TransferApprovedEvent.class, approved -> {
                        assertThat(approved.sequence()).isEqualTo(7);
                        assertThat(approved.transferId()).isEqualTo(TransferId.of("t-1"));
                        assertThat(approved.fromCompanyId()).isEqualTo(B);
                        assertThat(approved.toCompanyId()).isEqualTo(A);
                        assertThat(approved.amountPpb()).isEqualTo(ppb(500_000));
                        assertThat(approved.actor()).isEqualTo(REGULATOR);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, B).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, B).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_500_000));
                        assertThat(account(regime, A)).hasFieldOrPropertyWithValue("netTransferredPpb", ppb(500_000));
                        assertThat(account(regime, B)).hasFieldOrPropertyWithValue("netTransferredPpb", ppb(-500_000));
                        assertThat(RegimeState.transferStatus(regime, "t-1")).isEqualTo(TransferStatus.COMPLETED);
                    }));
        }

        @Test
        void onlyTheRegulatorMayApprove() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000))))
                            .when(approveTransfer("t-1", COMPANY_B)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void approvingAnUnknownTransferIsRefused() {
            assertRefused(fixture.givenCommands(twoCompaniesWithApprovedTransfers()).when(approveTransfer("t-404")),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void aCompletedTransferCannotBeApproved() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(transfer("t-1", B, A, 1))))
                            .when(approveTransfer("t-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void anApprovedTransferCannotBeApprovedAgain() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000), approveTransfer("t-1"))))
                            .when(approveTransfer("t-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void aRejectedTransferCannotBeApproved() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000), rejectTransfer("t-1"))))
                            .when(approveTransfer("t-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }
    }

    @Nested
    class RejectTransfer {

        @Test
        void rejectionReturnsTheReservedBudgetToTheSender() {
            fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(), List.of(transfer("t-1", B, A, 500_000))))
                    .when(rejectTransfer("t-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("t-1", TransferStatus.REJECTED, 7))
                    .expectEventsMatching(events(event(TransferRejectedEvent.class, rejected -> {
                        assertThat(rejected.sequence()).isEqualTo(7);
                        assertThat(rejected.fromCompanyId()).isEqualTo(B);
                        assertThat(rejected.amountPpb()).isEqualTo(ppb(500_000));
                        assertThat(rejected.reasons()).isEqualTo("concentration limit");
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, B).availablePpb()).isEqualTo(ppb(500_000));
                        assertThat(account(regime, B).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, B)).hasFieldOrPropertyWithValue("netTransferredPpb", Ppb.ZERO);
                        assertThat(RegimeState.transferStatus(regime, "t-1")).isEqualTo(TransferStatus.REJECTED);
                    }));
        }

        @Test
        void onlyTheRegulatorMayReject() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000))))
                            .when(rejectTransfer("t-1", COMPANY_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void anApprovedTransferCannotBeRejected() {
            assertRefused(fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000), approveTransfer("t-1"))))
                            .when(rejectTransfer("t-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void rejectingAnUnknownTransferIsRefused() {
            assertRefused(fixture.givenCommands(twoCompaniesWithApprovedTransfers()).when(rejectTransfer("t-404")),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }
    }

    @Nested
    class ChangeRegimePolicy {

        @Test
        void theRegulatorReplacesThePolicy() {
            RegimePolicy stricter = policy().maxCaseRiskPpb(500_000).build();
            fixture.givenCommands(threeCompanies())
                    .when(changePolicy(stricter))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(acknowledgement(8))
                    .expectEventsMatching(events(event(RegimePolicyChangedEvent.class, changed -> {
                        assertThat(changed.sequence()).isEqualTo(8);
                        assertThat(changed.policy()).isEqualTo(stricter);
                    })))
                    .expectState(balanced());
        }

        @Test
        void onlyTheRegulatorMayChangeThePolicy() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(changePolicy(RegimePolicy.defaults(), AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aStricterPolicyAppliesToLaterSubmissions() {
            assertRefused(fixture.givenCommands(history(threeCompanies(),
                            List.of(changePolicy(policy().maxCaseRiskPpb(500_000).build()))))
                            .when(submitAtlas7()),
                    policyRefusal(PolicyRule.MAX_CASE_RISK));
        }

        @Test
        void aSwitchToSelfCertificationAcceptsLaterSubmissionsAtOnce() {
            fixture.givenCommands(history(threeCompanies(), List.of(changePolicy(policy().selfCertifying().build()))))
                    .when(submitAtlas7())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, ATLAS_7_RISK_PPB,
                            ATLAS_7_RISK_PPB, List.of(), 10))
                    .expectState(balancedAnd(regime ->
                            assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB))));
        }

        @Test
        void aPendingTransferStaysPendingWhenApprovalIsSwitchedOff() {
            fixture.givenCommands(history(twoCompaniesWithApprovedTransfers(),
                            List.of(transfer("t-1", B, A, 500_000), changePolicy(RegimePolicy.defaults()))))
                    .when(approveTransfer("t-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(transferOutcome("t-1", TransferStatus.COMPLETED, 8))
                    .expectState(balancedAnd(regime ->
                            assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_500_000))));
        }
    }

    @Nested
    class SubmitSafetyCase {

        @Test
        void theCaseRiskIsComputedExactlyAndReservedFromAvailable() {
            fixture.givenCommands(threeCompanies())
                    .when(submitAtlas7())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.SUBMITTED, ATLAS_7_RISK_PPB, 0,
                            List.of(), 8))
                    .expectEventsMatching(events(event(SafetyCaseSubmittedEvent.class, submitted -> {
                        assertThat(submitted.sequence()).isEqualTo(8);
                        assertThat(submitted.caseId()).isEqualTo(CaseId.of("a-atlas-7"));
                        assertThat(submitted.companyId()).isEqualTo(A);
                        assertThat(submitted.capabilityTier()).isEqualTo(CapabilityTier.AI_10X);
                        assertThat(submitted.assessments()).isEqualTo(atlas7());
                        assertThat(submitted.riskPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(submitted.actor()).isEqualTo(COMPANY_A);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000 - ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).spentPpb()).isEqualTo(Ppb.ZERO);
                        SafetyCaseRecord atlas = safetyCase(regime, "a-atlas-7");
                        assertThat(atlas.status()).isEqualTo(CaseStatus.SUBMITTED);
                        assertThat(atlas.riskPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(atlas.reservedPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(atlas.chargedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(atlas.windowEnd()).isEqualTo(WINDOW.to());
                    }));
        }

        @Test
        void aCaseMayDependOnAnAcceptedCase() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(), accept("a-atlas-7"))))
                    .when(submitCirrus1())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("c-cirrus-1", CaseStatus.SUBMITTED, CIRRUS_1_RISK_PPB, 0,
                            List.of(), 10))
                    .expectEventsMatching(events(event(SafetyCaseSubmittedEvent.class, submitted ->
                            assertThat(submitted.dependsOn()).containsExactly(CaseId.of("a-atlas-7")))))
                    .expectState(balancedAnd(regime -> {
                        assertThat(safetyCase(regime, "a-atlas-7").dependents())
                                .containsExactly(CaseId.of("c-cirrus-1"));
                        assertThat(account(regime, C).availablePpb()).isEqualTo(ppb(500_000 - CIRRUS_1_RISK_PPB));
                    }));
        }

        @Test
        void aCaseMayDependOnExpiredAndRevokedCases() {
            fixture = fixtureAt(WINDOW.to());
            fixture.givenCommands(history(threeCompanies(), List.of(
                            submitPlain("a-1", A, 100_000), accept("a-1"), expire("a-1", Actor.SYSTEM),
                            submitPlain("a-2", A, 100_000), accept("a-2"), revoke("a-2"))))
                    .when(submitPlain("c-1", C, 100_000, "a-1", "a-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balancedAnd(regime -> {
                        assertThat(safetyCase(regime, "a-1").dependents()).containsExactly(CaseId.of("c-1"));
                        assertThat(safetyCase(regime, "a-2").dependents()).containsExactly(CaseId.of("c-1"));
                    }));
        }

        @Test
        void riskExactlyEqualToTheAvailableBalanceMayBeReserved() {
            fixture.givenCommands(threeCompanies())
                    .when(submitPlain("c-1", C, 500_000))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, C).availablePpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, C).reservedPpb()).isEqualTo(ppb(500_000));
                    }));
        }

        @Test
        void aCaseAboveTheAvailableBalanceIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(submitPlain("c-1", C, 500_001)),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void aCompanyMayNotSubmitForAnotherCompany() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("a-atlas-7", A, CapabilityTier.AI_10X, atlas7(), COMPANY_B)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"REGULATOR", "AUDITOR", "VIEWER", "SYSTEM"})
        void onlyACompanyMaySubmit(Role role) {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("a-atlas-7", A, CapabilityTier.AI_10X, atlas7(), actorWith(role))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aCaseOfAnUnregisteredCompanyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("x-1", UNREGISTERED, CapabilityTier.AI_3X, misuseOnly(1), COMPANY_X)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void anUnknownDependencyIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(submitPlain("c-1", C, 1_000, "nowhere-1")),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"SUBMITTED", "REJECTED", "WITHDRAWN"})
        void aCaseMayDependOnlyOnDeployedCases(CaseStatus dependencyStatus) {
            assertRefused(fixture.givenCommands(caseA1In(dependencyStatus)).when(submitPlain("c-1", C, 1_000, "a-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void aPausedCompanyMayNotSubmit() {
            assertRefused(fixture.givenCommands(pausedA()).when(submitPlain("a-3", A, 1_000)),
                    refusal(LedgerErrorCode.COMPANY_PAUSED));
        }

        @Test
        void theEssaysOverdrawnCompanyMayNotSubmitItsNextCase() {
            assertRefused(fixture.givenCommands(history(essayBeforeTheSmokingGun(),
                            List.of(reviseWithEvidence("a-atlas-7", AUDITOR, smokingGun()))))
                            .when(submit("a-atlas-8", A, CapabilityTier.AI_3X, new Assessments(
                                    new SecurityAssessment(SecurityLevel.SL3, ppb(1_000)),
                                    new MisalignmentAssessment(Probability.of("0.001"), List.of(), null),
                                    new MisuseAssessment(ppb(1_000))))),
                    refusal(LedgerErrorCode.COMPANY_PAUSED));
        }

        @Test
        void aCaseIdCannotBeUsedTwice() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(submitAtlas7()),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void theIdOfARejectedCaseStaysTaken() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.REJECTED)).when(submitPlain("a-1", A, 1_000)),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void theIdOfARefusedCaseMayBeUsedAgain() {
            TestExecutor<Regime> given = fixture.givenCommands(threeCompanies());
            LedgerException refused = refusedInPassing(
                    submit("c-tedai-1", C, CapabilityTier.TEDAI, securityOnly(SecurityLevel.SL4, 10_000)));
            assertThat(refused.rule()).isEqualTo(PolicyRule.MIN_SECURITY_LEVEL);

            given.when(submit("c-tedai-1", C, CapabilityTier.TEDAI, securityOnly(SecurityLevel.SL5, 10_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("c-tedai-1", CaseStatus.SUBMITTED, 10_000, 0, List.of(), 8));
            // After a rolled-back unit of work the fixture will not show the working regime: read the stored one.
            Regime after = sourcedFromEvents();
            assertBalanced(after);
            assertThat(account(after, C).reservedPpb()).isEqualTo(ppb(10_000));
        }

        @Test
        void aTedaiCaseNeedsSecurityLevel5ByDefault() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("c-tedai-1", C, CapabilityTier.TEDAI, new Assessments(
                                    new SecurityAssessment(SecurityLevel.SL4, ppb(10_000)),
                                    new MisalignmentAssessment(Probability.of("0.01"), List.of(), null),
                                    new MisuseAssessment(ppb(10_000))))),
                    policyRefusal(PolicyRule.MIN_SECURITY_LEVEL));
        }

        @Test
        void anAi10xCaseNeedsSecurityLevel4ByDefault() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("a-1", A, CapabilityTier.AI_10X, securityOnly(SecurityLevel.SL3, 1_000))),
                    policyRefusal(PolicyRule.MIN_SECURITY_LEVEL));
        }

        @Test
        void aCaseWithoutASecurityAssessmentFallsShortOfAMinimumLevel() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("a-1", A, CapabilityTier.TEDAI, misuseOnly(1_000))),
                    policyRefusal(PolicyRule.MIN_SECURITY_LEVEL));
        }

        @Test
        void aTedaiCaseAtSecurityLevel5MeetsTheDefaultPolicy() {
            fixture.givenCommands(threeCompanies())
                    .when(submit("c-tedai-1", C, CapabilityTier.TEDAI, securityOnly(SecurityLevel.SL5, 10_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectState(balanced());
        }

        @Test
        void aCaseMustAssessTheThreatModelsItsTierRequires() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(changePolicy(policy()
                                    .requiredThreatModels(CapabilityTier.AI_3X, ThreatModel.MISALIGNMENT,
                                            ThreatModel.MISUSE)
                                    .build()))))
                            .when(submit("a-1", A, CapabilityTier.AI_3X, securityOnly(SecurityLevel.SL3, 1_000))),
                    policyRefusal(PolicyRule.REQUIRED_THREAT_MODELS));
        }

        @Test
        void evidenceAboveTheMaximumLikelihoodRatioIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("a-1", A, CapabilityTier.AI_3X, withEvidenceRatio("20.000001"))),
                    policyRefusal(PolicyRule.MAX_EVIDENCE_LIKELIHOOD_RATIO));
        }

        @Test
        void evidenceAtTheMaximumLikelihoodRatioOf20IsAccepted() {
            fixture.givenCommands(threeCompanies())
                    .when(submit("a-1", A, CapabilityTier.AI_3X, withEvidenceRatio("20")))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-1", CaseStatus.SUBMITTED, 5_001, 0, List.of(), 8))
                    .expectState(balanced());
        }

        @Test
        void aCaseAboveTheMaximumCaseRiskIsRefused() {
            assertRefused(fixture.givenCommands(history(threeCompanies(),
                            List.of(changePolicy(policy().maxCaseRiskPpb(ATLAS_7_RISK_PPB - 1).build()))))
                            .when(submitAtlas7()),
                    policyRefusal(PolicyRule.MAX_CASE_RISK));
        }

        @Test
        void aCaseAtTheMaximumCaseRiskIsAccepted() {
            fixture.givenCommands(history(threeCompanies(),
                            List.of(changePolicy(policy().maxCaseRiskPpb(ATLAS_7_RISK_PPB).build()))))
                    .when(submitAtlas7())
                    .expectSuccessfulHandlerExecution()
                    .expectState(balanced());
        }

        @Test
        void aSelfCertifyingRegimeAcceptsAndSpendsAtOnce() {
            fixture.givenCommands(open(policy().selfCertifying().transfersNeedApproval().build()), register(A),
                            register(B), allocate(A, 1_000_000), allocate(B, 500_000))
                    .when(submit("s-1", A, CapabilityTier.AI_3X, Commands.s1()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("s-1", CaseStatus.ACCEPTED, S1_RISK_PPB, S1_RISK_PPB,
                            List.of(), 7))
                    .expectEventsMatching(events(
                            event(SafetyCaseSubmittedEvent.class, submitted -> {
                                assertThat(submitted.sequence()).isEqualTo(6);
                                assertThat(submitted.riskPpb()).isEqualTo(ppb(S1_RISK_PPB));
                            }),
                            event(SafetyCaseAcceptedEvent.class, accepted -> {
                                assertThat(accepted.sequence()).isEqualTo(7);
                                assertThat(accepted.actor()).isEqualTo(Actor.SYSTEM);
                                assertThat(accepted.amountPpb()).isEqualTo(ppb(S1_RISK_PPB));
                            })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(429_248));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(S1_RISK_PPB));
                        assertThat(safetyCase(regime, "s-1").status()).isEqualTo(CaseStatus.ACCEPTED);
                    }));
        }

        @Test
        void aSelfCertifyingRegimeStillRefusesACaseWithoutBudget() {
            assertRefused(fixture.givenCommands(open(policy().selfCertifying().build()), register(A),
                            allocate(A, 1_000_000), submit("s-1", A, CapabilityTier.AI_3X, Commands.s1()))
                            .when(submit("s-2", A, CapabilityTier.AI_3X, Commands.s2(), "s-1")),
                    refusal(LedgerErrorCode.INSUFFICIENT_BUDGET));
        }

        @Test
        void forbiddenComesBeforeNotFound() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("x-1", UNREGISTERED, CapabilityTier.AI_3X, misuseOnly(1), COMPANY_B)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void notFoundComesBeforeThePause() {
            assertRefused(fixture.givenCommands(pausedA()).when(submitPlain("a-3", A, 1_000, "nowhere-1")),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void thePauseComesBeforePolicy() {
            assertRefused(fixture.givenCommands(pausedA())
                            .when(submit("a-3", A, CapabilityTier.TEDAI, securityOnly(SecurityLevel.SL1, 1_000))),
                    refusal(LedgerErrorCode.COMPANY_PAUSED));
        }

        @Test
        void aDuplicateIdComesBeforePolicy() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(submit("a-atlas-7", A, CapabilityTier.TEDAI, securityOnly(SecurityLevel.SL1, 1))),
                    refusal(LedgerErrorCode.DUPLICATE_ID));
        }

        @Test
        void policyComesBeforeBudget() {
            assertRefused(fixture.givenCommands(threeCompanies())
                            .when(submit("c-tedai-1", C, CapabilityTier.TEDAI, new Assessments(
                                    new SecurityAssessment(SecurityLevel.SL4, ppb(10_000)), null,
                                    new MisuseAssessment(ppb(600_000))))),
                    policyRefusal(PolicyRule.MIN_SECURITY_LEVEL));
        }
    }

    @Nested
    class AcceptSafetyCase {

        @Test
        void acceptanceSpendsTheReservedRisk() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                    .when(accept("a-atlas-7"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, ATLAS_7_RISK_PPB,
                            ATLAS_7_RISK_PPB, List.of(), 9))
                    .expectEventsMatching(events(event(SafetyCaseAcceptedEvent.class, accepted -> {
                        assertThat(accepted.sequence()).isEqualTo(9);
                        assertThat(accepted.companyId()).isEqualTo(A);
                        assertThat(accepted.amountPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(accepted.actor()).isEqualTo(REGULATOR);
                        assertThat(accepted.reasons()).isEqualTo("meets policy");
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000 - ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(safetyCase(regime, "a-atlas-7").chargedPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
        void onlyASubmittedCaseCanBeAccepted(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(status)).when(accept("a-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"AUDITOR", "COMPANY", "VIEWER", "SYSTEM"})
        void onlyTheRegulatorMayAccept(Role role) {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(accept("a-atlas-7", actorWith(role))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aReviewerMayNotAcceptACaseOfItsOwnCompany() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(accept("a-atlas-7", REVIEWER_FROM_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aReviewerFromAnotherCompanyMayAccept() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                    .when(accept("a-atlas-7", REVIEWER_FROM_B))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(event(SafetyCaseAcceptedEvent.class, accepted ->
                            assertThat(accepted.actor()).isEqualTo(REVIEWER_FROM_B))))
                    .expectState(balanced());
        }

        @Test
        void acceptingAnUnknownCaseIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(accept("nowhere-1")),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        /**
         * Checks run in the documented order, role and company (403) before existence (404); the regime checks roles
         * again because "a rule enforced in one place only is a rule waiting to be bypassed" (Access).
         */
        @Test
        void theRoleIsCheckedBeforeTheCaseIsLookedUp() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(accept("nowhere-1", AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aCaseOfAPausedCompanyCannotBeAccepted() {
            assertRefused(fixture.givenCommands(pausedA()).when(accept("a-2")),
                    refusal(LedgerErrorCode.COMPANY_PAUSED));
        }

        @Test
        void theCurrentPolicyIsCheckedAgainOnAcceptance() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(),
                            changePolicy(policy().maxCaseRiskPpb(500_000).build()))))
                            .when(accept("a-atlas-7")),
                    policyRefusal(PolicyRule.MAX_CASE_RISK));
        }

        @Test
        void aRaisedMinimumSecurityLevelAppliesToCasesStillUnderReview() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(),
                            changePolicy(policy().minSecurityLevel(CapabilityTier.AI_10X, SecurityLevel.SL5).build()))))
                            .when(accept("a-atlas-7")),
                    policyRefusal(PolicyRule.MIN_SECURITY_LEVEL));
        }
    }

    @Nested
    class RejectSafetyCase {

        @Test
        void rejectionReleasesTheReservedRisk() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                    .when(reject("a-atlas-7"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.REJECTED, ATLAS_7_RISK_PPB, 0,
                            List.of(), 9))
                    .expectEventsMatching(events(event(SafetyCaseRejectedEvent.class, rejected -> {
                        assertThat(rejected.sequence()).isEqualTo(9);
                        assertThat(rejected.amountPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(rejected.actor()).isEqualTo(REGULATOR);
                        assertThat(rejected.reasons()).isEqualTo("evidence too thin");
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).spentPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(safetyCase(regime, "a-atlas-7").status()).isEqualTo(CaseStatus.REJECTED);
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
        void onlyASubmittedCaseCanBeRejected(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(status)).when(reject("a-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void onlyTheRegulatorMayReject() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(reject("a-atlas-7", AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aReviewerMayNotRejectACaseOfItsOwnCompany() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(reject("a-atlas-7", REVIEWER_FROM_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class WithdrawSafetyCase {

        @Test
        void withdrawalReleasesTheReservedRisk() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                    .when(withdraw("a-atlas-7", COMPANY_A))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.WITHDRAWN, ATLAS_7_RISK_PPB, 0,
                            List.of(), 9))
                    .expectEventsMatching(events(event(SafetyCaseWithdrawnEvent.class, withdrawn -> {
                        assertThat(withdrawn.sequence()).isEqualTo(9);
                        assertThat(withdrawn.amountPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(withdrawn.actor()).isEqualTo(COMPANY_A);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                    }));
        }

        @Test
        void onlyTheOwningCompanyMayWithdraw() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(withdraw("a-atlas-7", COMPANY_B)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void theRegulatorMayNotWithdrawACompanysCase() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7())))
                            .when(withdraw("a-atlas-7", REGULATOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aPausedCompanyMayStillWithdraw() {
            fixture.givenCommands(pausedA())
                    .when(withdraw("a-2", COMPANY_A))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-2", CaseStatus.WITHDRAWN, 100_000, 0, List.of(), 12))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(-100_000));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).isPauseRequired()).isTrue();
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
        void onlyASubmittedCaseCanBeWithdrawn(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(status)).when(withdraw("a-1", COMPANY_A)),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }
    }

    @Nested
    class RevokeSafetyCase {

        @Test
        void revocationStopsTheCaseButWhatItSpentStaysSpent() {
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(), accept("a-atlas-7"))))
                    .when(revoke("a-atlas-7"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.REVOKED, ATLAS_7_RISK_PPB,
                            ATLAS_7_RISK_PPB, List.of(), 10))
                    .expectEventsMatching(events(event(SafetyCaseRevokedEvent.class, revoked -> {
                        assertThat(revoked.sequence()).isEqualTo(10);
                        assertThat(revoked.companyId()).isEqualTo(A);
                        assertThat(revoked.reasons()).isNotBlank();
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000 - ATLAS_7_RISK_PPB));
                        assertThat(safetyCase(regime, "a-atlas-7").status()).isEqualTo(CaseStatus.REVOKED);
                    }));
        }

        @Test
        void revocationFlagsDependentsOfDependentsInOneEvent() {
            fixture.givenCommands(unilateralBeforeTheRevocation())
                    .when(revoke("s-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("s-1", CaseStatus.REVOKED, S1_RISK_PPB, S1_RISK_PPB,
                            List.of(), 18))
                    .expectEventsMatching(events(
                            event(SafetyCaseRevokedEvent.class, revoked ->
                                    assertThat(revoked.sequence()).isEqualTo(17)),
                            event(SafetyCasesFlaggedEvent.class, flagged -> {
                                assertThat(flagged.sequence()).isEqualTo(18);
                                assertThat(flagged.sourceCaseId()).isEqualTo(CaseId.of("s-1"));
                                assertThat(flagged.flag()).isEqualTo(CaseFlag.DEPENDENCY_COMPROMISED);
                                assertThat(flagged.caseIds()).containsExactly(CaseId.of("s-2"), CaseId.of("s-3"));
                                assertThat(flagged.actor()).isEqualTo(Actor.SYSTEM);
                            })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(safetyCase(regime, "s-2").flags()).containsExactly(CaseFlag.DEPENDENCY_COMPROMISED);
                        assertThat(safetyCase(regime, "s-3").flags()).containsExactly(CaseFlag.DEPENDENCY_COMPROMISED);
                        assertThat(safetyCase(regime, "s-1").flags()).isEmpty();
                        assertThat(totalSpent(regime)).isEqualTo(ppb(S1_RISK_PPB + S2_RISK_PPB + S3_RISK_PPB));
                        assertThat(allocated(regime)).isEqualTo(ppb(1_600_000));
                        assertThat(remaining(regime)).isEqualTo(ppb(1_198_836));
                    }));
        }

        @Test
        void aCaseReachedByTwoPathsIsFlaggedOnce() {
            fixture.givenCommands(history(threeCompanies(), List.of(
                            submitPlain("a-1", A, 100_000), accept("a-1"),
                            submitPlain("b-1", B, 100_000, "a-1"), accept("b-1"),
                            submitPlain("c-1", C, 100_000, "a-1", "b-1"))))
                    .when(revoke("a-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(
                            event(SafetyCaseRevokedEvent.class, revoked -> { }),
                            event(SafetyCasesFlaggedEvent.class, flagged ->
                                    assertThat(flagged.caseIds()).containsExactly(CaseId.of("b-1"), CaseId.of("c-1")))))
                    .expectState(balanced());
        }

        @Test
        void noFlagEventWhenEveryDependentIsAlreadyFlagged() {
            fixture.givenCommands(history(threeCompanies(), List.of(
                            submitPlain("a-1", A, 100_000), accept("a-1"),
                            submitPlain("a-2", A, 100_000), accept("a-2"),
                            submitPlain("c-1", C, 100_000, "a-1", "a-2"), accept("c-1"),
                            revoke("a-1"))))
                    .when(revoke("a-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-2", CaseStatus.REVOKED, 100_000, 100_000, List.of(), 16))
                    .expectEventsMatching(events(event(SafetyCaseRevokedEvent.class, revoked ->
                            assertThat(revoked.sequence()).isEqualTo(16))))
                    .expectState(balancedAnd(regime ->
                            assertThat(safetyCase(regime, "c-1").flags())
                                    .containsExactly(CaseFlag.DEPENDENCY_COMPROMISED)));
        }

        @Test
        void onlyNewlyFlaggedCasesAreListed() {
            fixture.givenCommands(history(threeCompanies(), List.of(
                            submitPlain("a-1", A, 100_000), accept("a-1"),
                            submitPlain("a-2", A, 100_000), accept("a-2"),
                            submitPlain("b-1", B, 100_000, "a-1", "a-2"), accept("b-1"),
                            submitPlain("c-1", C, 100_000, "a-2"),
                            revoke("a-1"))))
                    .when(revoke("a-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(
                            event(SafetyCaseRevokedEvent.class, revoked -> { }),
                            event(SafetyCasesFlaggedEvent.class, flagged ->
                                    assertThat(flagged.caseIds()).containsExactly(CaseId.of("c-1")))))
                    .expectState(balanced());
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
        void onlyAnAcceptedCaseCanBeRevoked(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(status)).when(revoke("a-1")),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void onlyTheRegulatorMayRevoke() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED)).when(revoke("a-1", AUDITOR)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void aReviewerMayNotRevokeACaseOfItsOwnCompany() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED)).when(revoke("a-1", REVIEWER_FROM_A)),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class ReviseSafetyCase {

        @Test
        void smokingGunEvidenceSpendsTheRiseOverdrawsTheCompanyAndFlagsDependents() {
            fixture.givenCommands(essayBeforeTheSmokingGun())
                    .when(reviseWithEvidence("a-atlas-7", AUDITOR, smokingGun()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, ATLAS_7_REVISED_RISK_PPB,
                            ATLAS_7_REVISED_RISK_PPB, List.of(), 14))
                    .expectEventsMatching(events(
                            event(SafetyCaseRevisedEvent.class, revised -> {
                                assertThat(revised.sequence()).isEqualTo(13);
                                assertThat(revised.actor()).isEqualTo(AUDITOR);
                                assertThat(revised.companyId()).isEqualTo(A);
                                assertThat(revised.evidence()).containsExactly(smokingGun());
                                assertThat(revised.previousRiskPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                                assertThat(revised.riskPpb()).isEqualTo(ppb(ATLAS_7_REVISED_RISK_PPB));
                                assertThat(revised.additionalChargePpb())
                                        .isEqualTo(ppb(ATLAS_7_REVISED_RISK_PPB - ATLAS_7_RISK_PPB));
                            }),
                            event(SafetyCasesFlaggedEvent.class, flagged -> {
                                assertThat(flagged.sequence()).isEqualTo(14);
                                assertThat(flagged.sourceCaseId()).isEqualTo(CaseId.of("a-atlas-7"));
                                assertThat(flagged.caseIds()).containsExactly(CaseId.of("c-cirrus-1"));
                            })))
                    .expectState(balancedAnd(regime -> {
                        CompanyAccount frontierA = account(regime, A);
                        assertThat(frontierA.availablePpb()).isEqualTo(ppb(-2_801_092));
                        assertThat(frontierA.reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(frontierA.spentPpb()).isEqualTo(ppb(ATLAS_7_REVISED_RISK_PPB));
                        assertThat(frontierA.isPauseRequired()).isTrue();
                        assertThat(frontierA).hasFieldOrPropertyWithValue("allocatedPpb", ppb(1_000_000));
                        assertThat(account(regime, B).availablePpb()).isEqualTo(ppb(550_000));
                        assertThat(account(regime, B).isPauseRequired()).isFalse();
                        assertThat(safetyCase(regime, "c-cirrus-1").flags())
                                .containsExactly(CaseFlag.DEPENDENCY_COMPROMISED);
                        assertThat(recordedAssessments(regime, "a-atlas-7").misalignment().evidence())
                                .hasSize(3).last().isEqualTo(smokingGun());
                        assertThat(allocated(regime)).isEqualTo(ppb(2_250_000));
                        assertThat(totalSpent(regime)).isEqualTo(ppb(4_233_072));
                        assertThat(remaining(regime)).isEqualTo(ppb(-1_733_072));
                    }));
        }

        @Test
        void aDownwardRevisionRefundsNothingAndFlagsNothing() {
            fixture.givenCommands(essayBeforeTheSmokingGun())
                    .when(reviseReplacing("a-atlas-7", AUDITOR, misuseOnly(0)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, 872_599, ATLAS_7_RISK_PPB,
                            List.of(), 13))
                    .expectEventsMatching(events(event(SafetyCaseRevisedEvent.class, revised -> {
                        assertThat(revised.riskPpb()).isEqualTo(ppb(872_599));
                        assertThat(revised.additionalChargePpb()).isEqualTo(Ppb.ZERO);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(277_401));
                        assertThat(safetyCase(regime, "a-atlas-7").chargedPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(safetyCase(regime, "c-cirrus-1").flags()).isEmpty();
                    }));
        }

        @Test
        void anUpwardRevisionChargesOnlyWhatExceedsTheChargedFigureAndReplacesTheNamedComponents() {
            fixture.givenCommands(history(essayBeforeTheSmokingGun(),
                            List.of(reviseReplacing("a-atlas-7", AUDITOR, misuseOnly(0)))))
                    .when(reviseReplacing("a-atlas-7", AUDITOR, misuseOnly(127_401)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, 1_000_000, 1_000_000,
                            List.of(), 15))
                    .expectEventsMatching(events(
                            event(SafetyCaseRevisedEvent.class, revised -> {
                                assertThat(revised.previousRiskPpb()).isEqualTo(ppb(872_599));
                                assertThat(revised.riskPpb()).isEqualTo(ppb(1_000_000));
                                assertThat(revised.additionalChargePpb()).isEqualTo(ppb(1_000_000 - ATLAS_7_RISK_PPB));
                                assertThat(revised.replacedAssessments()).isEqualTo(misuseOnly(127_401));
                            }),
                            event(SafetyCasesFlaggedEvent.class, flagged ->
                                    assertThat(flagged.caseIds()).containsExactly(CaseId.of("c-cirrus-1")))))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(1_000_000));
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(200_000));
                        Assessments assessments = recordedAssessments(regime, "a-atlas-7");
                        assertThat(assessments.misuse()).isEqualTo(new MisuseAssessment(ppb(127_401)));
                        assertThat(assessments.security()).isEqualTo(atlas7().security());
                        assertThat(assessments.misalignment()).isEqualTo(atlas7().misalignment());
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"ACCEPTED", "EXPIRED", "REVOKED"})
        void aDeployedCaseMayBeRevised(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            fixture.givenCommands(caseA1In(status))
                    .when(reviseMisuse("a-1", 150_000))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-1", status, 150_000, 150_000, List.of(),
                            status == CaseStatus.ACCEPTED ? 10 : 11))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(150_000));
                        assertThat(safetyCase(regime, "a-1").status()).isEqualTo(status);
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"SUBMITTED", "REJECTED", "WITHDRAWN"})
        void aCaseNeverDeployedCannotBeRevised(CaseStatus status) {
            assertRefused(fixture.givenCommands(caseA1In(status)).when(reviseMisuse("a-1", 150_000)),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void theRevisionOfARevokedCaseIsChargedAndPausesTheCompany() {
            fixture.givenCommands(history(unilateralBeforeTheRevocation(), List.of(revoke("s-1"),
                            changePolicy(policy().transfersNeedApproval().build()),
                            submit("s-4", A, CapabilityTier.BELOW_3X, s4()))))
                    .when(reviseWithEvidence("s-1", AUDITOR, sandbagging()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("s-1", CaseStatus.REVOKED, S1_REVISED_RISK_PPB,
                            S1_REVISED_RISK_PPB, List.of(), 21))
                    .expectEventsMatching(events(event(SafetyCaseRevisedEvent.class, revised ->
                            assertThat(revised.additionalChargePpb())
                                    .isEqualTo(ppb(S1_REVISED_RISK_PPB - S1_RISK_PPB)))))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(-403_414));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(ppb(102_000));
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(1_801_414));
                        assertThat(account(regime, A).isPauseRequired()).isTrue();
                    }));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"AUDITOR", "REGULATOR", "COMPANY"})
        void theAuditorTheRegulatorAndTheOwningCompanyMayRevise(Role role) {
            fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED))
                    .when(reviseReplacing("a-1", actorWith(role), misuseOnly(150_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(event(SafetyCaseRevisedEvent.class, revised ->
                            assertThat(revised.actor()).isEqualTo(actorWith(role)))))
                    .expectState(balanced());
        }

        @Test
        void anotherCompanyMayNotRevise() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED))
                            .when(reviseReplacing("a-1", COMPANY_B, misuseOnly(150_000))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"VIEWER", "SYSTEM"})
        void noOtherRoleMayRevise(Role role) {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED))
                            .when(reviseReplacing("a-1", actorWith(role), misuseOnly(150_000))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void anotherCompanyIsForbiddenBeforeTheCaseStateIsChecked() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.SUBMITTED))
                            .when(reviseReplacing("a-1", COMPANY_B, misuseOnly(150_000))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @Test
        void revisingAnUnknownCaseIsRefused() {
            assertRefused(fixture.givenCommands(threeCompanies()).when(reviseMisuse("nowhere-1", 1)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }

        @Test
        void evidenceForACaseWithoutAMisalignmentAssessmentIsRefused() {
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED))
                            .when(reviseWithEvidence("a-1", AUDITOR, sandbagging())),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void evidenceMayComeWithAMisalignmentAssessmentThatTheRevisionAdds() {
            MisalignmentAssessment added = new MisalignmentAssessment(Probability.of("0.0001"), List.of(), null);
            fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED))
                    .when(new ReviseSafetyCaseCommand(REGIME, CaseId.of("a-1"),
                            "first look at scheming", List.of(sandbagging()), new Assessments(null, added, null),
                            AUDITOR))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-1", CaseStatus.ACCEPTED, 100_000 + 199_981,
                            100_000 + 199_981, List.of(), 10))
                    .expectState(balancedAnd(regime -> assertThat(
                            recordedAssessments(regime, "a-1").misalignment().evidence())
                            .containsExactly(sandbagging())));
        }

        @Test
        void revisionEvidenceAboveTheMaximumLikelihoodRatioIsRefused() {
            assertRefused(fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(), accept("a-atlas-7"))))
                            .when(reviseWithEvidence("a-atlas-7", AUDITOR,
                                    evidence(EvidenceKind.INTERPRETABILITY, "a very confident probe", "25"))),
                    policyRefusal(PolicyRule.MAX_EVIDENCE_LIKELIHOOD_RATIO));
        }

        /**
         * A policy change "applies to later submissions" and a revision records risk "even when the company cannot
         * pay", so evidence accepted under an earlier, looser maximum must not block the record of new evidence of
         * scheming.
         */
        @Test
        void aRevisionKeepingEvidenceAcceptedUnderAnEarlierPolicyIsRecorded() {
            Assessments higherPrior = new Assessments(null, new MisalignmentAssessment(Probability.of("0.05"),
                    atlas7().misalignment().evidence(), null), null);
            fixture.givenCommands(history(essayBeforeTheSmokingGun(),
                            List.of(changePolicy(policy().maxEvidenceLikelihoodRatio("5").build()))))
                    .when(reviseReplacing("a-atlas-7", AUDITOR, higherPrior))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(event(SafetyCaseRevisedEvent.class, revised ->
                                    assertThat(revised.riskPpb().isGreaterThan(revised.previousRiskPpb())).isTrue()),
                            event(SafetyCasesFlaggedEvent.class, flagged -> {})));
        }

        @Test
        void aRevisionBringingNewEvidenceBeyondTheCurrentMaximumIsRefused() {
            Assessments newClaim = new Assessments(null, new MisalignmentAssessment(Probability.of("0.03"),
                    List.of(evidence(EvidenceKind.INTERPRETABILITY, "a new probe", "6")), null), null);
            fixture.givenCommands(history(essayBeforeTheSmokingGun(),
                            List.of(changePolicy(policy().maxEvidenceLikelihoodRatio("5").build()))))
                    .when(reviseReplacing("a-atlas-7", AUDITOR, newClaim))
                    .expectException(LedgerException.class)
                    .expectNoEvents();
        }

        @Test
        void evidenceAcceptedUnderAnEarlierPolicyDoesNotBlockALaterRevision() {
            fixture.givenCommands(history(essayBeforeTheSmokingGun(),
                            List.of(changePolicy(policy().maxEvidenceLikelihoodRatio("5").build()))))
                    .when(reviseWithEvidence("a-atlas-7", AUDITOR, smokingGun()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.ACCEPTED, ATLAS_7_REVISED_RISK_PPB,
                            ATLAS_7_REVISED_RISK_PPB, List.of(), 15))
                    .expectState(balancedAnd(regime ->
                            assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(-2_801_092))));
        }
    }

    @Nested
    class ExpireSafetyCase {

        @Test
        void anAcceptedCaseExpiresAtTheEndOfItsWindowAndNoBalanceMoves() {
            fixture = fixtureAt(WINDOW.to());
            fixture.givenCommands(history(threeCompanies(), List.of(submitAtlas7(), accept("a-atlas-7"))))
                    .when(expire("a-atlas-7", Actor.SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(outcome("a-atlas-7", CaseStatus.EXPIRED, ATLAS_7_RISK_PPB,
                            ATLAS_7_RISK_PPB, List.of(), 10))
                    .expectEventsMatching(events(event(SafetyCaseExpiredEvent.class, expired -> {
                        assertThat(expired.sequence()).isEqualTo(10);
                        assertThat(expired.actor()).isEqualTo(Actor.SYSTEM);
                        assertThat(expired.occurredAt()).isEqualTo(WINDOW.to());
                        assertThat(expired.companyId()).isEqualTo(A);
                    })))
                    .expectState(balancedAnd(regime -> {
                        assertThat(account(regime, A).availablePpb()).isEqualTo(ppb(1_000_000 - ATLAS_7_RISK_PPB));
                        assertThat(account(regime, A).reservedPpb()).isEqualTo(Ppb.ZERO);
                        assertThat(account(regime, A).spentPpb()).isEqualTo(ppb(ATLAS_7_RISK_PPB));
                        assertThat(safetyCase(regime, "a-atlas-7").status()).isEqualTo(CaseStatus.EXPIRED);
                    }));
        }

        @Test
        void anAcceptedCaseCannotExpireBeforeTheEndOfItsWindow() {
            fixture = fixtureAt(WINDOW.to().minusMillis(1));
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED)).when(expire("a-1", Actor.SYSTEM)),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
        void onlyTheLedgerItselfMayExpireACase(Role role) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(CaseStatus.ACCEPTED)).when(expire("a-1", actorWith(role))),
                    refusal(LedgerErrorCode.FORBIDDEN));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
        void onlyAnAcceptedCaseCanExpire(CaseStatus status) {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(caseA1In(status)).when(expire("a-1", Actor.SYSTEM)),
                    refusal(LedgerErrorCode.INVALID_STATE));
        }

        @Test
        void expiringAnUnknownCaseIsRefused() {
            fixture = fixtureAt(WINDOW.to());
            assertRefused(fixture.givenCommands(threeCompanies()).when(expire("nowhere-1", Actor.SYSTEM)),
                    refusal(LedgerErrorCode.NOT_FOUND));
        }
    }
}
