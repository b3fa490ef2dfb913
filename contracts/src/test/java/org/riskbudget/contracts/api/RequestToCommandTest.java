package org.riskbudget.contracts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.command.SubmitSafetyCaseCommand;
import org.riskbudget.contracts.command.TransferBudgetCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;

/**
 * A request body that parses still has to make a valid command: presence and ranges are checked in the command
 * records' constructors, and each refusal names the field a client got wrong.
 */
class RequestToCommandTest {

    private static final RegimeId GLOBAL = RegimeId.of("global");
    private static final Actor REGULATOR = new Actor(Role.REGULATOR, "reg-1", null);
    private static final Actor COMPANY_A = new Actor(Role.COMPANY, "a-bot", CompanyId.of("frontier-a"));
    private static final DeploymentWindow WINDOW =
            new DeploymentWindow(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
    private static final Assessments ASSESSMENTS = new Assessments(null,
            new MisalignmentAssessment(Probability.of("0.03"), List.of(), null), new MisuseAssessment(Ppb.of(1)));

    @Nested
    class Allocation {

        @Test
        void aCompleteRequestMakesTheCommand() {
            AllocateBudgetCommand command = new AllocationRequest(CompanyId.of("frontier-a"), Ppb.of(1_000_000))
                    .toCommand(GLOBAL, REGULATOR);
            assertThat(command).isEqualTo(
                    new AllocateBudgetCommand(GLOBAL, CompanyId.of("frontier-a"), Ppb.of(1_000_000), REGULATOR));
        }

        @Test
        void aMissingCompanyIdIsRefusedNamingTheField() {
            AllocationRequest parsed = LedgerJson.mapper().readValue("{\"amountPpb\": 1000000}", AllocationRequest.class);
            assertThatThrownBy(() -> parsed.toCommand(GLOBAL, REGULATOR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("companyId is required");
        }

        @Test
        void aMissingAmountIsRefusedNamingTheField() {
            AllocationRequest parsed = LedgerJson.mapper().readValue("{\"companyId\": \"frontier-a\"}", AllocationRequest.class);
            assertThatThrownBy(() -> parsed.toCommand(GLOBAL, REGULATOR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("amountPpb is required");
        }

        @ParameterizedTest(name = "amount {0} ppb is refused")
        @ValueSource(longs = {0, -1, 1_000_000_001})
        void anAmountOutsideOneToOneBillionIsRefused(long amount) {
            assertThatThrownBy(() -> new AllocationRequest(CompanyId.of("frontier-a"), Ppb.of(amount))
                    .toCommand(GLOBAL, REGULATOR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("amountPpb");
        }
    }

    @Nested
    class Transfer {

        @Test
        void aTransferToItselfIsRefused() {
            TransferRequest request = new TransferRequest(TransferId.of("t-1"), CompanyId.of("frontier-a"),
                    CompanyId.of("frontier-a"), Ppb.of(1), "self-dealing");
            assertThatThrownBy(() -> request.toCommand(GLOBAL, TransferId.of("generated"), COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("toCompanyId");
        }

        @Test
        void theClientsTransferIdWinsOverTheGeneratedOne() {
            TransferRequest request = new TransferRequest(TransferId.of("t-1"), CompanyId.of("frontier-b"),
                    CompanyId.of("frontier-a"), Ppb.of(200_000), "trade 2027-001");
            TransferBudgetCommand command = request.toCommand(GLOBAL, TransferId.of("generated"), COMPANY_A);
            assertThat(command.transferId()).isEqualTo(TransferId.of("t-1"));
        }

        @Test
        void aGeneratedTransferIdIsUsedWhenTheClientSentNone() {
            TransferRequest request = new TransferRequest(null, CompanyId.of("frontier-b"),
                    CompanyId.of("frontier-a"), Ppb.of(200_000), null);
            TransferBudgetCommand command = request.toCommand(GLOBAL, TransferId.of("generated"), COMPANY_A);
            assertThat(command.transferId()).isEqualTo(TransferId.of("generated"));
            assertThat(command.amountPpb()).isEqualTo(Ppb.of(200_000));
        }

        @Test
        void aMissingReceiverIsRefusedNamingTheField() {
            TransferRequest request = new TransferRequest(null, CompanyId.of("frontier-b"), null, Ppb.of(1), null);
            assertThatThrownBy(() -> request.toCommand(GLOBAL, TransferId.of("generated"), COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("toCompanyId is required");
        }
    }

    @Nested
    class SafetyCase {

        private SubmitSafetyCaseRequest request(Assessments assessments, List<CaseId> dependsOn) {
            return new SubmitSafetyCaseRequest(CaseId.of("a-atlas-7"), CompanyId.of("frontier-a"),
                    new AiSystem("atlas", "7"), CapabilityTier.AI_3X, WINDOW, assessments, dependsOn);
        }

        @Test
        void aCompleteCaseMakesTheCommandAndAbsentDependenciesAreEmpty() {
            SubmitSafetyCaseCommand command = request(ASSESSMENTS, null).toCommand(GLOBAL, COMPANY_A);
            assertThat(command.dependsOn()).isEmpty();
            assertThat(command.assessments()).isEqualTo(ASSESSMENTS);
        }

        @Test
        void emptyAssessmentsAreRefused() {
            assertThatThrownBy(() -> request(new Assessments(null, null, null), List.of()).toCommand(GLOBAL, COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("assessments");
        }

        @Test
        void missingAssessmentsAreRefused() {
            assertThatThrownBy(() -> request(null, List.of()).toCommand(GLOBAL, COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("assessments is required");
        }

        @Test
        void aCaseMayNotDependOnItselfOrRepeatADependency() {
            assertThatThrownBy(() -> request(ASSESSMENTS, List.of(CaseId.of("a-atlas-7"))).toCommand(GLOBAL, COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dependsOn");
            assertThatThrownBy(() -> request(ASSESSMENTS, List.of(CaseId.of("x"), CaseId.of("x"))).toCommand(GLOBAL, COMPANY_A))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dependsOn");
        }

        @ParameterizedTest(name = "window to = from + {0} s is refused")
        @ValueSource(longs = {0, -1, -86_400})
        void aWindowThatDoesNotStartBeforeItEndsIsRefused(long secondsAfterFrom) {
            Instant from = Instant.parse("2027-01-01T00:00:00Z");
            assertThatThrownBy(() -> new DeploymentWindow(from, from.plusSeconds(secondsAfterFrom)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("window.from");
        }

        @Test
        void aWindowNeedsBothEnds() {
            assertThatThrownBy(() -> new DeploymentWindow(null, Instant.EPOCH)).hasMessage("window.from is required");
            assertThatThrownBy(() -> new DeploymentWindow(Instant.EPOCH, null)).hasMessage("window.to is required");
        }
    }

    @Nested
    class Identifiers {

        @ParameterizedTest(name = "company id \"{0}\" is refused")
        @ValueSource(strings = {"", " a", "-a", "a b", "a/b", "ä", "a\n"})
        void idsOutsideTheSafeShapeAreRefused(String value) {
            assertThatThrownBy(() -> CompanyId.of(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("companyId");
        }

        @Test
        void sixtyFourCharactersIsTheLongestId() {
            String id = "a".repeat(64);
            assertThat(CompanyId.of(id).value()).isEqualTo(id);
            assertThatThrownBy(() -> CompanyId.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCompanyActorMustNameItsCompany() {
            assertThatThrownBy(() -> new Actor(Role.COMPANY, "a-bot", null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
