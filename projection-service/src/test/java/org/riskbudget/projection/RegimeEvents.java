package org.riskbudget.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.BudgetTransferredEvent;
import org.riskbudget.contracts.event.CompanyRegisteredEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.event.SafetyCaseAcceptedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.event.SafetyCasesFlaggedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.EvidenceItem;

/**
 * Builds one regime's events as the ledger would: sequences 1, 2, 3, … and each sealed with {@code EventChain.seal}
 * onto the hash of the one before. Event {@code n} occurs {@code n} seconds after the regime's start, so point-in-time
 * reads can name the instant between two events.
 */
final class RegimeEvents {

    static final Actor REGULATOR = new Actor(Role.REGULATOR, "test-regulator", null);
    static final Actor AUDITOR = new Actor(Role.AUDITOR, "test-auditor", null);

    final RegimeId regimeId;
    private final Instant start;
    private final List<LedgerEvent> events = new ArrayList<>();
    private String lastHash;

    RegimeEvents(String regimeId, Instant start) {
        this.regimeId = RegimeId.of(regimeId);
        this.start = start;
        this.lastHash = EventChain.genesis(this.regimeId);
    }

    static String uniqueRegimeId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<LedgerEvent> all() {
        return List.copyOf(events);
    }

    LedgerEvent get(long sequence) {
        return events.get((int) sequence - 1);
    }

    long lastSequence() {
        return events.size();
    }

    /** When event {@code sequence} occurred. */
    Instant at(long sequence) {
        return start.plusSeconds(sequence);
    }

    private long next() {
        return events.size() + 1;
    }

    private <E extends LedgerEvent> E add(E draft) {
        E sealed = EventChain.seal(draft);
        events.add(sealed);
        lastHash = sealed.hash();
        return sealed;
    }

    static Actor company(String companyId) {
        return new Actor(Role.COMPANY, "test-" + companyId, CompanyId.of(companyId));
    }

    RegimeOpenedEvent open(String name, long capPpb) {
        return add(new RegimeOpenedEvent(regimeId, next(), at(next()), REGULATOR, name, Ppb.of(capPpb),
                RegimePolicy.defaults(), lastHash, null));
    }

    CompanyRegisteredEvent register(String companyId, String name) {
        return add(new CompanyRegisteredEvent(regimeId, next(), at(next()), REGULATOR, CompanyId.of(companyId), name,
                lastHash, null));
    }

    BudgetAllocatedEvent allocate(String companyId, long amountPpb) {
        return add(new BudgetAllocatedEvent(regimeId, next(), at(next()), REGULATOR, CompanyId.of(companyId),
                Ppb.of(amountPpb), lastHash, null));
    }

    BudgetTransferredEvent transfer(String transferId, String fromCompanyId, String toCompanyId, long amountPpb) {
        return add(new BudgetTransferredEvent(regimeId, next(), at(next()), company(fromCompanyId),
                TransferId.of(transferId), CompanyId.of(fromCompanyId), CompanyId.of(toCompanyId), Ppb.of(amountPpb),
                "trade", lastHash, null));
    }

    SafetyCaseSubmittedEvent submit(String caseId, String companyId, AiSystem system, CapabilityTier tier,
            DeploymentWindow window, Assessments assessments, List<String> dependsOn) {
        Ppb riskPpb = assessments.riskBreakdown().totalPpb();
        return add(new SafetyCaseSubmittedEvent(regimeId, next(), at(next()), company(companyId), CaseId.of(caseId),
                CompanyId.of(companyId), system, tier, window, assessments,
                dependsOn.stream().map(CaseId::of).toList(), riskPpb, assessments.riskBreakdown(), lastHash, null));
    }

    SafetyCaseAcceptedEvent accept(String caseId, String companyId, long amountPpb) {
        return add(new SafetyCaseAcceptedEvent(regimeId, next(), at(next()), REGULATOR, CaseId.of(caseId),
                CompanyId.of(companyId), Ppb.of(amountPpb), "meets policy", lastHash, null));
    }

    SafetyCaseRevisedEvent revise(String caseId, String companyId, String reason, List<EvidenceItem> evidence,
            long previousRiskPpb, long riskPpb, long additionalChargePpb) {
        return add(new SafetyCaseRevisedEvent(regimeId, next(), at(next()), AUDITOR, CaseId.of(caseId),
                CompanyId.of(companyId), reason, evidence, null, Ppb.of(previousRiskPpb), Ppb.of(riskPpb),
                Ppb.of(additionalChargePpb), lastHash, null));
    }

    SafetyCasesFlaggedEvent flag(String sourceCaseId, String... caseIds) {
        return add(new SafetyCasesFlaggedEvent(regimeId, next(), at(next()), Actor.SYSTEM, CaseId.of(sourceCaseId),
                CaseFlag.DEPENDENCY_COMPROMISED, List.of(caseIds).stream().map(CaseId::of).toList(), lastHash, null));
    }
}
