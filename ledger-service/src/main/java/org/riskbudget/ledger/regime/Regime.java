package org.riskbudget.ledger.regime;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.CommandAcknowledgement;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.SafetyCaseOutcome;
import org.riskbudget.contracts.api.TransferOutcome;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.audit.EventChain;
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
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.RiskBreakdown;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One regime's ledger: the consistency boundary. Its pool, every company's accounts and every case live here, so
 * each rule of the budget is checked in one place against one ordered, hash-chained stream of events.
 * <p>
 * Command handlers check the rules in the documented order (role and company, existence, state, policy, budget),
 * refuse with a typed {@link LedgerException}, and only then apply events. Event-sourcing handlers only assign
 * state, then assert the double-entry invariant: pool + Σ available + Σ reserved + Σ spent = cap.
 */
@Revision(Regime.SNAPSHOT_FORMAT)
@Aggregate(snapshotTriggerDefinition = "regimeSnapshotTrigger", commandTargetResolver = "regimeCommandTargetResolver",
        cache = "regimeCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Regime {

    /** Snapshots of another format are ignored, and the regime is loaded from its events instead. */
    static final String SNAPSHOT_FORMAT = "3";
    private static final String SELF_CERTIFIED = "self-certifying regime: accepted on submission";

    @AggregateIdentifier
    private String id;
    private RegimeId regimeId;
    private String name;
    private Ppb capPpb;
    private RegimePolicy policy;
    private Ppb poolPpb;
    private Map<String, CompanyAccount> companies = new TreeMap<>();
    @JsonSerialize(using = SafetyCaseRecord.SnapshotWriter.class)
    @JsonDeserialize(using = SafetyCaseRecord.SnapshotReader.class)
    private Map<String, SafetyCaseRecord> cases = new HashMap<>();
    private Map<String, TransferRecord> pendingTransfers = new HashMap<>();
    /** Settled transfers keep only their ids: enough to refuse reuse, little enough that a long history loads fast. */
    private IdSet completedTransferIds = new IdSet();
    private IdSet rejectedTransferIds = new IdSet();
    private long lastSequence;
    private String lastHash;

    /** For Axon, which creates an empty regime and replays its events, and for Jackson, which reads snapshots. */
    protected Regime() {}

    // ---------------------------------------------------------------- regime and companies

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandResult handle(OpenRegimeCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        apply(EventChain.seal(new RegimeOpenedEvent(command.regimeId(), 1, now(clock), command.actor(), command.name(),
                command.capPpb(), command.policy(), EventChain.genesis(command.regimeId()), null)));
        return acknowledgement();
    }

    @CommandHandler
    CommandResult handle(ChangeRegimePolicyCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        apply(EventChain.seal(new RegimePolicyChangedEvent(regimeId, next(), now(clock), command.actor(),
                command.policy(), lastHash, null)));
        return acknowledgement();
    }

    @CommandHandler
    CommandResult handle(RegisterCompanyCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        if (companies.containsKey(command.companyId().value())) {
            throw new LedgerException(LedgerErrorCode.DUPLICATE_ID,
                    "company " + command.companyId().value() + " is already registered");
        }
        apply(EventChain.seal(new CompanyRegisteredEvent(regimeId, next(), now(clock), command.actor(),
                command.companyId(), command.name(), lastHash, null)));
        return acknowledgement();
    }

    // ---------------------------------------------------------------- allocation and trading

    @CommandHandler
    CommandResult handle(AllocateBudgetCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        company(command.companyId());
        if (command.amountPpb().isGreaterThan(poolPpb)) {
            throw new LedgerException(LedgerErrorCode.INSUFFICIENT_BUDGET, "cannot allocate " + command.amountPpb()
                    + ": the regime's pool holds " + poolPpb);
        }
        apply(EventChain.seal(new BudgetAllocatedEvent(regimeId, next(), now(clock), command.actor(),
                command.companyId(), command.amountPpb(), lastHash, null)));
        return acknowledgement();
    }

    @CommandHandler
    CommandResult handle(ReclaimBudgetCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        CompanyAccount account = company(command.companyId());
        requireAvailable(account, command.amountPpb(), "reclaim");
        apply(EventChain.seal(new BudgetReclaimedEvent(regimeId, next(), now(clock), command.actor(),
                command.companyId(), command.amountPpb(), command.reason(), lastHash, null)));
        return acknowledgement();
    }

    @CommandHandler
    CommandResult handle(TransferBudgetCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.COMPANY);
        Access.requireActsFor(command.actor(), command.fromCompanyId());
        CompanyAccount sender = company(command.fromCompanyId());
        company(command.toCompanyId());
        if (transferStatus(command.transferId()) != null) {
            throw new LedgerException(LedgerErrorCode.DUPLICATE_ID,
                    "transfer " + command.transferId().value() + " already exists");
        }
        requireAvailable(sender, command.amountPpb(), "transfer");
        if (policy.transfersNeedApproval()) {
            apply(EventChain.seal(new TransferRequestedEvent(regimeId, next(), now(clock), command.actor(),
                    command.transferId(), command.fromCompanyId(), command.toCompanyId(), command.amountPpb(),
                    command.reference(), lastHash, null)));
        } else {
            apply(EventChain.seal(new BudgetTransferredEvent(regimeId, next(), now(clock), command.actor(),
                    command.transferId(), command.fromCompanyId(), command.toCompanyId(), command.amountPpb(),
                    command.reference(), lastHash, null)));
        }
        return transferOutcome(command.transferId());
    }

    @CommandHandler
    CommandResult handle(ApproveTransferCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        TransferRecord transfer = pendingTransfer(command.transferId());
        apply(EventChain.seal(new TransferApprovedEvent(regimeId, next(), now(clock), command.actor(),
                transfer.transferId(), transfer.fromCompanyId(), transfer.toCompanyId(), transfer.amountPpb(),
                command.reasons(), lastHash, null)));
        return transferOutcome(command.transferId());
    }

    @CommandHandler
    CommandResult handle(RejectTransferCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.REGULATOR);
        TransferRecord transfer = pendingTransfer(command.transferId());
        apply(EventChain.seal(new TransferRejectedEvent(regimeId, next(), now(clock), command.actor(),
                transfer.transferId(), transfer.fromCompanyId(), transfer.toCompanyId(), transfer.amountPpb(),
                command.reasons(), lastHash, null)));
        return transferOutcome(command.transferId());
    }

    // ---------------------------------------------------------------- safety cases

    @CommandHandler
    CommandResult handle(SubmitSafetyCaseCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.COMPANY);
        Access.requireActsFor(command.actor(), command.companyId());
        CompanyAccount account = company(command.companyId());
        for (CaseId dependency : command.dependsOn()) {
            safetyCase(dependency);
        }
        if (account.isPauseRequired()) {
            throw paused(account);
        }
        if (cases.containsKey(command.caseId().value())) {
            throw new LedgerException(LedgerErrorCode.DUPLICATE_ID,
                    "case " + command.caseId().value() + " already exists");
        }
        for (CaseId dependency : command.dependsOn()) {
            if (!safetyCase(dependency).status().isDeployed()) {
                throw new LedgerException(LedgerErrorCode.INVALID_STATE, "a case may depend only on deployed cases; "
                        + dependency.value() + " is " + safetyCase(dependency).status());
            }
        }
        RiskBreakdown breakdown = command.assessments().riskBreakdown();
        Ppb riskPpb = breakdown.totalPpb();
        PolicyCheck.checkCase(policy, command.capabilityTier(), command.assessments(), riskPpb);
        requireAvailable(account, riskPpb, "reserve the case's risk of");
        apply(EventChain.seal(new SafetyCaseSubmittedEvent(regimeId, next(), now(clock), command.actor(),
                command.caseId(), command.companyId(), command.system(), command.capabilityTier(), command.window(),
                command.assessments(), command.dependsOn(), riskPpb, breakdown, lastHash, null)));
        if (!policy.reviewRequired()) {
            apply(EventChain.seal(new SafetyCaseAcceptedEvent(regimeId, next(), now(clock), Actor.SYSTEM,
                    command.caseId(), command.companyId(), riskPpb, SELF_CERTIFIED, lastHash, null)));
        }
        return caseOutcome(command.caseId());
    }

    @CommandHandler
    CommandResult handle(DecideSafetyCaseCommand command, Clock clock, RecordedAssessments recorded) {
        Actor actor = command.actor();
        boolean withdrawal = command.decision() == CaseDecision.WITHDRAW;
        Access.requireRole(actor, withdrawal ? Role.COMPANY : Role.REGULATOR);
        SafetyCaseRecord safetyCase = safetyCase(command.caseId());
        if (withdrawal) {
            Access.requireActsFor(actor, safetyCase.companyId());
        } else {
            Access.requireIndependentReviewer(actor, safetyCase.companyId());
        }
        CaseStatus required = command.decision() == CaseDecision.REVOKE ? CaseStatus.ACCEPTED : CaseStatus.SUBMITTED;
        if (safetyCase.status() != required) {
            throw new LedgerException(LedgerErrorCode.INVALID_STATE, "case " + command.caseId().value() + " is "
                    + safetyCase.status() + "; only a " + required + " case can be decided so");
        }
        switch (command.decision()) {
            case ACCEPT -> accept(command, safetyCase, clock, recorded);
            case REJECT -> apply(EventChain.seal(new SafetyCaseRejectedEvent(regimeId, next(), now(clock), actor,
                    command.caseId(), safetyCase.companyId(), safetyCase.reservedPpb(), command.reasons(), lastHash,
                    null)));
            case WITHDRAW -> apply(EventChain.seal(new SafetyCaseWithdrawnEvent(regimeId, next(), now(clock), actor,
                    command.caseId(), safetyCase.companyId(), safetyCase.reservedPpb(), command.reasons(), lastHash,
                    null)));
            case REVOKE -> {
                apply(EventChain.seal(new SafetyCaseRevokedEvent(regimeId, next(), now(clock), actor,
                        command.caseId(), safetyCase.companyId(), command.reasons(), lastHash, null)));
                flagDependents(command.caseId(), clock);
            }
        }
        return caseOutcome(command.caseId());
    }

    private void accept(DecideSafetyCaseCommand command, SafetyCaseRecord safetyCase, Clock clock,
            RecordedAssessments recorded) {
        CompanyAccount account = company(safetyCase.companyId());
        if (account.isPauseRequired()) {
            throw paused(account);
        }
        PolicyCheck.checkCase(policy, safetyCase.capabilityTier(), recorded.of(regimeId, safetyCase),
                safetyCase.riskPpb());
        apply(EventChain.seal(new SafetyCaseAcceptedEvent(regimeId, next(), now(clock), command.actor(),
                command.caseId(), safetyCase.companyId(), safetyCase.reservedPpb(), command.reasons(), lastHash,
                null)));
    }

    @CommandHandler
    CommandResult handle(ReviseSafetyCaseCommand command, Clock clock, RecordedAssessments recorded) {
        Access.requireRole(command.actor(), Role.AUDITOR, Role.REGULATOR, Role.COMPANY);
        SafetyCaseRecord safetyCase = safetyCase(command.caseId());
        Access.requireActsFor(command.actor(), safetyCase.companyId());
        if (!safetyCase.status().isDeployed()) {
            throw new LedgerException(LedgerErrorCode.INVALID_STATE, "only a deployed case can be revised; case "
                    + command.caseId().value() + " is " + safetyCase.status());
        }
        Assessments current = recorded.of(regimeId, safetyCase);
        Assessments revised;
        try {
            revised = current.revisedWith(command.assessments(), command.evidence());
        } catch (IllegalStateException | IllegalArgumentException cannotTakeIt) {
            // No misalignment assessment to add evidence to, or more evidence than one case may hold.
            throw new LedgerException(LedgerErrorCode.INVALID_STATE,
                    "case " + command.caseId().value() + ": " + cannotTakeIt.getMessage());
        }
        // Only evidence the case did not already hold answers to today's policy: what was accepted under an earlier
        // one stands, and a revision that keeps it must still be recorded.
        List<EvidenceItem> held = current.misalignment() == null ? List.of() : current.misalignment().evidence();
        PolicyCheck.checkEvidence(policy, newEvidence(command.evidence(), held));
        if (command.assessments() != null && command.assessments().misalignment() != null) {
            PolicyCheck.checkEvidence(policy, newEvidence(command.assessments().misalignment().evidence(), held));
        }
        Ppb newRiskPpb = revised.riskBreakdown().totalPpb();
        Ppb additionalChargePpb = Ppb.max(Ppb.ZERO, newRiskPpb.minus(safetyCase.chargedPpb()));
        Ppb previousRiskPpb = safetyCase.riskPpb();
        apply(EventChain.seal(new SafetyCaseRevisedEvent(regimeId, next(), now(clock), command.actor(),
                command.caseId(), safetyCase.companyId(), command.reason(), command.evidence(), command.assessments(),
                previousRiskPpb, newRiskPpb, additionalChargePpb, lastHash, null)));
        if (newRiskPpb.isGreaterThan(previousRiskPpb)) {
            flagDependents(command.caseId(), clock);
        }
        return caseOutcome(command.caseId());
    }

    private static List<EvidenceItem> newEvidence(List<EvidenceItem> evidence, List<EvidenceItem> held) {
        return evidence.stream().filter(item -> !held.contains(item)).toList();
    }

    @CommandHandler
    CommandResult handle(ExpireSafetyCaseCommand command, Clock clock) {
        Access.requireRole(command.actor(), Role.SYSTEM);
        SafetyCaseRecord safetyCase = safetyCase(command.caseId());
        Instant now = now(clock);
        if (safetyCase.status() != CaseStatus.ACCEPTED || now.isBefore(safetyCase.windowEnd())) {
            throw new LedgerException(LedgerErrorCode.INVALID_STATE, "case " + command.caseId().value() + " is "
                    + safetyCase.status() + " with a window ending " + safetyCase.windowEnd() + "; it cannot expire now");
        }
        apply(EventChain.seal(new SafetyCaseExpiredEvent(regimeId, next(), now, command.actor(), command.caseId(),
                safetyCase.companyId(), lastHash, null)));
        return caseOutcome(command.caseId());
    }

    /** Flags every case that depends on {@code source}, transitively, unless it already carries the flag. */
    private void flagDependents(CaseId source, Clock clock) {
        List<CaseId> newlyFlagged = new ArrayList<>();
        Set<CaseId> seen = new HashSet<>();
        Deque<CaseId> toVisit = new ArrayDeque<>(safetyCase(source).dependents());
        while (!toVisit.isEmpty()) {
            CaseId dependent = toVisit.removeFirst();
            if (seen.add(dependent)) {
                SafetyCaseRecord record = safetyCase(dependent);
                if (!record.flags().contains(CaseFlag.DEPENDENCY_COMPROMISED)) {
                    newlyFlagged.add(dependent);
                }
                toVisit.addAll(record.dependents());
            }
        }
        if (!newlyFlagged.isEmpty()) {
            newlyFlagged.sort(null);
            apply(EventChain.seal(new SafetyCasesFlaggedEvent(regimeId, next(), now(clock), Actor.SYSTEM, source,
                    CaseFlag.DEPENDENCY_COMPROMISED, newlyFlagged, lastHash, null)));
        }
    }

    // ---------------------------------------------------------------- lookups and rules shared by handlers

    private CompanyAccount company(CompanyId companyId) {
        CompanyAccount account = companies.get(companyId.value());
        if (account == null) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND,
                    "company " + companyId.value() + " is not registered in regime " + regimeId.value());
        }
        return account;
    }

    private SafetyCaseRecord safetyCase(CaseId caseId) {
        SafetyCaseRecord record = cases.get(caseId.value());
        if (record == null) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND,
                    "case " + caseId.value() + " does not exist in regime " + regimeId.value());
        }
        return record;
    }

    private TransferRecord pendingTransfer(TransferId transferId) {
        TransferStatus status = transferStatus(transferId);
        if (status == null) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "transfer " + transferId.value() + " does not exist");
        }
        if (status != TransferStatus.PENDING) {
            throw new LedgerException(LedgerErrorCode.INVALID_STATE,
                    "transfer " + transferId.value() + " is " + status + ", not PENDING");
        }
        return pendingTransfers.get(transferId.value());
    }

    /** Where a transfer stands, or null when the regime has never seen its id. */
    TransferStatus transferStatus(TransferId transferId) {
        String id = transferId.value();
        if (pendingTransfers.containsKey(id)) {
            return TransferStatus.PENDING;
        }
        if (completedTransferIds.contains(id)) {
            return TransferStatus.COMPLETED;
        }
        return rejectedTransferIds.contains(id) ? TransferStatus.REJECTED : null;
    }

    /** A voluntary movement never overdraws. */
    private static void requireAvailable(CompanyAccount account, Ppb amount, String what) {
        if (amount.isGreaterThan(account.availablePpb())) {
            throw new LedgerException(LedgerErrorCode.INSUFFICIENT_BUDGET, "cannot " + what + " " + amount + ": "
                    + account.companyId().value() + " has " + account.availablePpb() + " available");
        }
    }

    private static LedgerException paused(CompanyAccount account) {
        return new LedgerException(LedgerErrorCode.COMPANY_PAUSED, account.companyId().value()
                + " must pause: its available balance is " + account.availablePpb()
                + "; no case may be submitted or accepted until it is non-negative again");
    }

    private long next() {
        return lastSequence + 1;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private CommandResult acknowledgement() {
        return new CommandAcknowledgement(regimeId, lastSequence);
    }

    private CommandResult transferOutcome(TransferId transferId) {
        return new TransferOutcome(transferId, transferStatus(transferId), lastSequence);
    }

    private CommandResult caseOutcome(CaseId caseId) {
        SafetyCaseRecord record = cases.get(caseId.value());
        return new SafetyCaseOutcome(caseId, record.status(), record.riskPpb(), record.chargedPpb(),
                List.copyOf(record.flags()), lastSequence);
    }

    // ---------------------------------------------------------------- event sourcing: assignment only

    @EventSourcingHandler
    void on(LedgerEvent event, @SequenceNumber long storedSequence) {
        if (event.sequence() != storedSequence + 1) {
            throw new IllegalStateException("event " + event.sequence() + " of regime " + event.regimeId().value()
                    + " is stored at position " + storedSequence + "; the regime's sequence is broken");
        }
        String expectedPreviousHash = lastHash == null ? EventChain.genesis(event.regimeId()) : lastHash;
        if (!expectedPreviousHash.equals(event.previousHash())) {
            throw new IllegalStateException("audit chain broken at event " + event.sequence() + " of regime "
                    + event.regimeId().value() + ": previousHash does not match the hash of the event before it");
        }
        event.accept(new Assignments());
        lastSequence = event.sequence();
        lastHash = event.hash();
        LedgerInvariant.assertBalanced(this);
    }

    Ppb capPpb() {
        return capPpb;
    }

    Ppb poolPpb() {
        return poolPpb;
    }

    Iterable<CompanyAccount> companyAccounts() {
        return companies.values();
    }

    /** By case id. */
    Map<String, SafetyCaseRecord> safetyCases() {
        return Collections.unmodifiableMap(cases);
    }

    Iterable<TransferRecord> pendingTransferRecords() {
        return pendingTransfers.values();
    }

    long lastSequence() {
        return lastSequence;
    }

    /** The state changes of each event; no rule is checked here, every rule was checked before the event. */
    private final class Assignments implements LedgerEvent.Visitor {

        @Override
        public void on(RegimeOpenedEvent event) {
            id = event.regimeId().value();
            regimeId = event.regimeId();
            name = event.name();
            capPpb = event.capPpb();
            poolPpb = event.capPpb();
            policy = event.policy();
        }

        @Override
        public void on(RegimePolicyChangedEvent event) {
            policy = event.policy();
        }

        @Override
        public void on(CompanyRegisteredEvent event) {
            companies.put(event.companyId().value(), new CompanyAccount(event.companyId(), event.name()));
        }

        @Override
        public void on(BudgetAllocatedEvent event) {
            poolPpb = poolPpb.minus(event.amountPpb());
            companies.get(event.companyId().value()).allocate(event.amountPpb());
        }

        @Override
        public void on(BudgetReclaimedEvent event) {
            companies.get(event.companyId().value()).reclaim(event.amountPpb());
            poolPpb = poolPpb.plus(event.amountPpb());
        }

        @Override
        public void on(BudgetTransferredEvent event) {
            companies.get(event.fromCompanyId().value()).transferOutOfAvailable(event.amountPpb());
            companies.get(event.toCompanyId().value()).transferIn(event.amountPpb());
            completedTransferIds.add(event.transferId().value());
        }

        @Override
        public void on(TransferRequestedEvent event) {
            companies.get(event.fromCompanyId().value()).reserve(event.amountPpb());
            pendingTransfers.put(event.transferId().value(), new TransferRecord(event.transferId(),
                    event.fromCompanyId(), event.toCompanyId(), event.amountPpb()));
        }

        @Override
        public void on(TransferApprovedEvent event) {
            companies.get(event.fromCompanyId().value()).transferOutOfReserved(event.amountPpb());
            companies.get(event.toCompanyId().value()).transferIn(event.amountPpb());
            pendingTransfers.remove(event.transferId().value());
            completedTransferIds.add(event.transferId().value());
        }

        @Override
        public void on(TransferRejectedEvent event) {
            companies.get(event.fromCompanyId().value()).release(event.amountPpb());
            pendingTransfers.remove(event.transferId().value());
            rejectedTransferIds.add(event.transferId().value());
        }

        @Override
        public void on(SafetyCaseSubmittedEvent event) {
            companies.get(event.companyId().value()).reserve(event.riskPpb());
            cases.put(event.caseId().value(), new SafetyCaseRecord(event.companyId(),
                    event.capabilityTier(), event.window().to(), event.sequence(), event.riskPpb()));
            for (CaseId dependency : event.dependsOn()) {
                cases.get(dependency.value()).addDependent(event.caseId());
            }
        }

        @Override
        public void on(SafetyCaseAcceptedEvent event) {
            companies.get(event.companyId().value()).spendReserved(event.amountPpb());
            cases.get(event.caseId().value()).accept();
        }

        @Override
        public void on(SafetyCaseRejectedEvent event) {
            companies.get(event.companyId().value()).release(event.amountPpb());
            cases.get(event.caseId().value()).release(CaseStatus.REJECTED);
        }

        @Override
        public void on(SafetyCaseWithdrawnEvent event) {
            companies.get(event.companyId().value()).release(event.amountPpb());
            cases.get(event.caseId().value()).release(CaseStatus.WITHDRAWN);
        }

        @Override
        public void on(SafetyCaseRevokedEvent event) {
            cases.get(event.caseId().value()).changeStatus(CaseStatus.REVOKED);
        }

        @Override
        public void on(SafetyCaseExpiredEvent event) {
            cases.get(event.caseId().value()).changeStatus(CaseStatus.EXPIRED);
        }

        @Override
        public void on(SafetyCaseRevisedEvent event) {
            cases.get(event.caseId().value()).revise(event.sequence(), event.riskPpb(), event.additionalChargePpb());
            companies.get(event.companyId().value()).spendAvailable(event.additionalChargePpb());
        }

        @Override
        public void on(SafetyCasesFlaggedEvent event) {
            for (CaseId flagged : event.caseIds()) {
                cases.get(flagged.value()).flag(event.flag());
            }
        }
    }
}
