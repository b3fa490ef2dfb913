package org.riskbudget.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;

/**
 * Something that happened to a regime's ledger. Every event carries its regime, its place in the regime's
 * sequence (1, 2, 3, … with no gaps), when it happened (UTC), who caused it, and its link in the audit chain:
 * {@code hash} is SHA-256 over the canonical form of the event including {@code previousHash}.
 * <p>
 * The {@code type} names on the wire are chosen once: stored events, the Kafka topic and exported audit logs
 * carry them. Rename only with an upcaster.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RegimeOpenedEvent.class, name = "RegimeOpened"),
    @JsonSubTypes.Type(value = RegimePolicyChangedEvent.class, name = "RegimePolicyChanged"),
    @JsonSubTypes.Type(value = CompanyRegisteredEvent.class, name = "CompanyRegistered"),
    @JsonSubTypes.Type(value = BudgetAllocatedEvent.class, name = "BudgetAllocated"),
    @JsonSubTypes.Type(value = BudgetReclaimedEvent.class, name = "BudgetReclaimed"),
    @JsonSubTypes.Type(value = BudgetTransferredEvent.class, name = "BudgetTransferred"),
    @JsonSubTypes.Type(value = TransferRequestedEvent.class, name = "TransferRequested"),
    @JsonSubTypes.Type(value = TransferApprovedEvent.class, name = "TransferApproved"),
    @JsonSubTypes.Type(value = TransferRejectedEvent.class, name = "TransferRejected"),
    @JsonSubTypes.Type(value = SafetyCaseSubmittedEvent.class, name = "SafetyCaseSubmitted"),
    @JsonSubTypes.Type(value = SafetyCaseAcceptedEvent.class, name = "SafetyCaseAccepted"),
    @JsonSubTypes.Type(value = SafetyCaseRejectedEvent.class, name = "SafetyCaseRejected"),
    @JsonSubTypes.Type(value = SafetyCaseWithdrawnEvent.class, name = "SafetyCaseWithdrawn"),
    @JsonSubTypes.Type(value = SafetyCaseRevokedEvent.class, name = "SafetyCaseRevoked"),
    @JsonSubTypes.Type(value = SafetyCaseExpiredEvent.class, name = "SafetyCaseExpired"),
    @JsonSubTypes.Type(value = SafetyCaseRevisedEvent.class, name = "SafetyCaseRevised"),
    @JsonSubTypes.Type(value = SafetyCasesFlaggedEvent.class, name = "SafetyCasesFlagged")
})
public sealed interface LedgerEvent permits RegimeOpenedEvent, RegimePolicyChangedEvent, CompanyRegisteredEvent,
        BudgetAllocatedEvent, BudgetReclaimedEvent, BudgetTransferredEvent, TransferRequestedEvent,
        TransferApprovedEvent, TransferRejectedEvent, SafetyCaseSubmittedEvent, SafetyCaseAcceptedEvent,
        SafetyCaseRejectedEvent, SafetyCaseWithdrawnEvent, SafetyCaseRevokedEvent, SafetyCaseExpiredEvent,
        SafetyCaseRevisedEvent, SafetyCasesFlaggedEvent {

    RegimeId regimeId();

    long sequence();

    Instant occurredAt();

    Actor actor();

    String previousHash();

    /** Null only on a draft, before {@code EventChain.seal} computed it. */
    String hash();

    void accept(Visitor visitor);

    /**
     * One method per event type, so every reader of the log (the aggregate, projections, the verifier) is told by
     * the compiler when a new event type appears.
     */
    interface Visitor {
        void on(RegimeOpenedEvent event);

        void on(RegimePolicyChangedEvent event);

        void on(CompanyRegisteredEvent event);

        void on(BudgetAllocatedEvent event);

        void on(BudgetReclaimedEvent event);

        void on(BudgetTransferredEvent event);

        void on(TransferRequestedEvent event);

        void on(TransferApprovedEvent event);

        void on(TransferRejectedEvent event);

        void on(SafetyCaseSubmittedEvent event);

        void on(SafetyCaseAcceptedEvent event);

        void on(SafetyCaseRejectedEvent event);

        void on(SafetyCaseWithdrawnEvent event);

        void on(SafetyCaseRevokedEvent event);

        void on(SafetyCaseExpiredEvent event);

        void on(SafetyCaseRevisedEvent event);

        void on(SafetyCasesFlaggedEvent event);
    }
}
