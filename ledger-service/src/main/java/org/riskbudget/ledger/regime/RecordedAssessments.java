package org.riskbudget.ledger.regime;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.Assessments;
import org.springframework.stereotype.Component;

/**
 * A case's assessments as they now stand, read from the regime's log: as submitted, then each revision applied in
 * turn. The regime keeps only where they were recorded ({@link SafetyCaseRecord}). The log read includes the events
 * of the batch still being committed, so a case accepted or revised right after its submission finds them too.
 */
@Component
class RecordedAssessments {

    private final EventStore events;

    RecordedAssessments(EventStore events) {
        this.events = events;
    }

    Assessments of(RegimeId regimeId, SafetyCaseRecord safetyCase) {
        Assessments assessments = event(regimeId, safetyCase.submittedAt(), SafetyCaseSubmittedEvent.class)
                .assessments();
        for (long sequence : safetyCase.revisedAt()) {
            SafetyCaseRevisedEvent revision = event(regimeId, sequence, SafetyCaseRevisedEvent.class);
            assessments = assessments.revisedWith(revision.replacedAssessments(), revision.evidence());
        }
        return assessments;
    }

    /** Axon numbers a regime's events from 0, the regime from 1. */
    private <E extends LedgerEvent> E event(RegimeId regimeId, long sequence, Class<E> type) {
        DomainEventStream stream = events.readEvents(regimeId.value(), sequence - 1);
        Object payload = stream.hasNext() ? stream.next().getPayload() : null;
        if (!type.isInstance(payload) || ((LedgerEvent) payload).sequence() != sequence) {
            throw new IllegalStateException("regime " + regimeId.value() + " has no " + type.getSimpleName()
                    + " at sequence " + sequence);
        }
        return type.cast(payload);
    }
}
