package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;

/**
 * The regime keeps only where a case's assessments were recorded; what its handlers read back is the submission
 * with every revision applied in order, including events of the batch not yet committed.
 */
class RecordedAssessmentsTest {

    private static final RegimeId REGIME = RegimeId.of("r-1");
    private static final CaseId CASE = CaseId.of("c-1");
    private static final CompanyId COMPANY = CompanyId.of("frontier-a");
    private static final Instant AT = Instant.parse("2027-01-01T00:00:00Z");
    private static final Assessments SUBMITTED = new Assessments(null,
            new MisalignmentAssessment(Probability.of("0.0001"), List.of(), null), new MisuseAssessment(Ppb.of(5)));

    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final RecordedAssessments recorded = new RecordedAssessments(events);

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void aCaseReadsBackAsSubmittedWithEachRevisionAppliedInOrder() {
        store(submission(1));
        store(revision(2, new Assessments(null, null, new MisuseAssessment(Ppb.of(40)))));
        store(revision(3, new Assessments(null, null, new MisuseAssessment(Ppb.of(7)))));
        SafetyCaseRecord record = new SafetyCaseRecord(COMPANY, CapabilityTier.AI_3X, AT, 1, Ppb.of(15));
        record.revise(2, Ppb.of(50), Ppb.of(35));
        record.revise(3, Ppb.of(17), Ppb.ZERO);

        Assessments assessments = recorded.of(REGIME, record);

        assertThat(assessments.misuse()).isEqualTo(new MisuseAssessment(Ppb.of(7)));
        assertThat(assessments.misalignment()).isEqualTo(SUBMITTED.misalignment());
    }

    @Test
    void aCaseSubmittedEarlierInTheSameBatchIsReadFromTheBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            UnitOfWork<?> submission = DefaultUnitOfWork.startAndGet(null);
            events.publish(message(submission(1)));
            submission.commit();
            SafetyCaseRecord record = new SafetyCaseRecord(COMPANY, CapabilityTier.AI_3X, AT, 1, Ppb.of(15));

            assertThat(recorded.of(REGIME, record)).isEqualTo(SUBMITTED);
        } finally {
            batch.rollback();
        }
    }

    @Test
    void aRecordPointingAtAnotherKindOfEventIsAFailureNotAGuess() {
        store(submission(1));
        SafetyCaseRecord record = new SafetyCaseRecord(COMPANY, CapabilityTier.AI_3X, AT, 1, Ppb.of(15));
        record.revise(1, Ppb.of(15), Ppb.ZERO);

        assertThatThrownBy(() -> recorded.of(REGIME, record)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no SafetyCaseRevisedEvent at sequence 1");
    }

    private void store(LedgerEvent event) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(message(event)));
    }

    private static GenericDomainEventMessage<LedgerEvent> message(LedgerEvent event) {
        return new GenericDomainEventMessage<>("Regime", REGIME.value(), event.sequence() - 1, event);
    }

    private static SafetyCaseSubmittedEvent submission(long sequence) {
        return new SafetyCaseSubmittedEvent(REGIME, sequence, AT, Actor.SYSTEM, CASE, COMPANY,
                new AiSystem("model", "1"), CapabilityTier.AI_3X, new DeploymentWindow(AT, AT.plusSeconds(60)),
                SUBMITTED, List.of(), Ppb.of(15), SUBMITTED.riskBreakdown(), "previous", "hash");
    }

    private static SafetyCaseRevisedEvent revision(long sequence, Assessments replaced) {
        return new SafetyCaseRevisedEvent(REGIME, sequence, AT, Actor.SYSTEM, CASE, COMPANY, "new evidence",
                List.of(), replaced, Ppb.of(15), Ppb.of(15), Ppb.ZERO, "previous", "hash");
    }
}
