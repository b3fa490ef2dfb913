package org.riskbudget.projection.apply;

import java.util.HashSet;
import java.util.Set;
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
import org.riskbudget.contracts.ids.TransferId;

/** Every row a batch of events touches, so the batch can load them all with one query per table. */
final class References implements LedgerEvent.Visitor {

    final Set<String> regimes = new HashSet<>();
    final Set<Key> companies = new HashSet<>();
    final Set<Key> cases = new HashSet<>();
    final Set<Key> transfers = new HashSet<>();
    private String regimeId;

    static References of(Iterable<LedgerEvent> events) {
        References references = new References();
        for (LedgerEvent event : events) {
            references.regimeId = event.regimeId().value();
            references.regimes.add(references.regimeId);
            event.accept(references);
        }
        return references;
    }

    private void company(CompanyId companyId) {
        companies.add(new Key(regimeId, companyId.value()));
    }

    private void safetyCase(CaseId caseId) {
        cases.add(new Key(regimeId, caseId.value()));
    }

    private void transfer(TransferId transferId) {
        transfers.add(new Key(regimeId, transferId.value()));
    }

    @Override
    public void on(RegimeOpenedEvent event) {}

    @Override
    public void on(RegimePolicyChangedEvent event) {}

    @Override
    public void on(CompanyRegisteredEvent event) {
        company(event.companyId());
    }

    @Override
    public void on(BudgetAllocatedEvent event) {
        company(event.companyId());
    }

    @Override
    public void on(BudgetReclaimedEvent event) {
        company(event.companyId());
    }

    @Override
    public void on(BudgetTransferredEvent event) {
        company(event.fromCompanyId());
        company(event.toCompanyId());
        transfer(event.transferId());
    }

    @Override
    public void on(TransferRequestedEvent event) {
        company(event.fromCompanyId());
        transfer(event.transferId());
    }

    @Override
    public void on(TransferApprovedEvent event) {
        company(event.fromCompanyId());
        company(event.toCompanyId());
        transfer(event.transferId());
    }

    @Override
    public void on(TransferRejectedEvent event) {
        company(event.fromCompanyId());
        transfer(event.transferId());
    }

    @Override
    public void on(SafetyCaseSubmittedEvent event) {
        company(event.companyId());
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseAcceptedEvent event) {
        company(event.companyId());
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseRejectedEvent event) {
        company(event.companyId());
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseWithdrawnEvent event) {
        company(event.companyId());
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseRevokedEvent event) {
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseExpiredEvent event) {
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCaseRevisedEvent event) {
        company(event.companyId());
        safetyCase(event.caseId());
    }

    @Override
    public void on(SafetyCasesFlaggedEvent event) {
        event.caseIds().forEach(this::safetyCase);
    }
}
