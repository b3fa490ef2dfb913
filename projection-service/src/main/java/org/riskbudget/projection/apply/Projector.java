package org.riskbudget.projection.apply;

import java.util.TreeSet;
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
import org.riskbudget.contracts.safetycase.CaseStatus;

/**
 * Applies one event at a time to a batch's rows: the same movements between accounts as the ledger's regime
 * (pool, and per company available, reserved and spent), so the read model adds up to what the ledger decided. No
 * rule is checked here, the ledger checked them all; only the double-entry invariant is asserted after each event.
 */
final class Projector implements LedgerEvent.Visitor {

    private final BatchState state;
    private LedgerEvent event;
    private RegimeRow regime;

    Projector(BatchState state) {
        this.state = state;
    }

    /** Applies the next event of its regime (the caller checked that it is the next) and records its history. */
    AppliedEvent apply(LedgerEvent next) {
        event = next;
        String regimeId = next.regimeId().value();
        regime = next instanceof RegimeOpenedEvent ? null : state.regime(regimeId);
        next.accept(this);
        regime.lastSequence = next.sequence();
        regime.lastHash = next.hash();
        regime.updatedAt = next.occurredAt();
        regime.changed = true;
        regime.assertBalanced();
        AppliedEvent applied = new AppliedEvent(next.regimeId(), regime.name, next.sequence(),
                EventTypes.nameOf(next), next.occurredAt(), next.hash(), regime.capPpb, regime.poolPpb,
                regime.reservedPpb, regime.spentPpb);
        state.history.add(applied);
        return applied;
    }

    // ---------------------------------------------------------------- movements between accounts

    private CompanyRow company(CompanyId companyId) {
        return state.company(regime.regimeId, companyId.value());
    }

    private CaseRow safetyCase(CaseId caseId) {
        return state.safetyCase(regime.regimeId, caseId.value());
    }

    private void changeAvailable(CompanyRow company, long amountPpb) {
        company.availablePpb = Math.addExact(company.availablePpb, amountPpb);
        regime.availablePpb = Math.addExact(regime.availablePpb, amountPpb);
    }

    private void changeReserved(CompanyRow company, long amountPpb) {
        company.reservedPpb = Math.addExact(company.reservedPpb, amountPpb);
        regime.reservedPpb = Math.addExact(regime.reservedPpb, amountPpb);
    }

    private void changeSpent(CompanyRow company, long amountPpb) {
        company.spentPpb = Math.addExact(company.spentPpb, amountPpb);
        regime.spentPpb = Math.addExact(regime.spentPpb, amountPpb);
    }

    /** The company's balances after this event become a line of its statement. */
    private void moved(CompanyRow company) {
        company.updatedAt = event.occurredAt();
        company.changed = true;
        state.movements.add(MovementRow.after(company, event.sequence()));
    }

    private void changed(CaseRow safetyCase, CaseStatus status) {
        safetyCase.status = status;
        changed(safetyCase);
    }

    private void changed(CaseRow safetyCase) {
        safetyCase.updatedAt = event.occurredAt();
        safetyCase.changed = true;
    }

    private void settle(TransferRow transfer, TransferStatus status) {
        transfer.status = status;
        transfer.updatedAt = event.occurredAt();
        transfer.changed = true;
    }

    // ---------------------------------------------------------------- regime and companies

    @Override
    public void on(RegimeOpenedEvent opened) {
        String regimeId = opened.regimeId().value();
        if (opened.sequence() != 1 || state.regimeOrNull(regimeId) != null) {
            throw new IllegalStateException("regime " + regimeId + " opened again at event " + opened.sequence());
        }
        regime = new RegimeRow(regimeId, opened.name(), opened.capPpb().value(), opened.occurredAt());
        state.regimes.put(regimeId, regime);
    }

    @Override
    public void on(RegimePolicyChangedEvent changed) {
        // The read model does not serve policies; the event still counts in the history.
    }

    @Override
    public void on(CompanyRegisteredEvent registered) {
        CompanyRow company = new CompanyRow(regime.regimeId, registered.companyId().value(), registered.name(),
                registered.occurredAt());
        state.companies.put(new Key(regime.regimeId, company.companyId), company);
        moved(company);
    }

    // ---------------------------------------------------------------- allocation and trading

    @Override
    public void on(BudgetAllocatedEvent allocated) {
        long amountPpb = allocated.amountPpb().value();
        CompanyRow company = company(allocated.companyId());
        regime.poolPpb = Math.subtractExact(regime.poolPpb, amountPpb);
        changeAvailable(company, amountPpb);
        company.allocatedPpb = Math.addExact(company.allocatedPpb, amountPpb);
        moved(company);
    }

    @Override
    public void on(BudgetReclaimedEvent reclaimed) {
        long amountPpb = reclaimed.amountPpb().value();
        CompanyRow company = company(reclaimed.companyId());
        changeAvailable(company, -amountPpb);
        company.allocatedPpb = Math.subtractExact(company.allocatedPpb, amountPpb);
        regime.poolPpb = Math.addExact(regime.poolPpb, amountPpb);
        moved(company);
    }

    @Override
    public void on(BudgetTransferredEvent transferred) {
        long amountPpb = transferred.amountPpb().value();
        CompanyRow sender = company(transferred.fromCompanyId());
        CompanyRow receiver = company(transferred.toCompanyId());
        changeAvailable(sender, -amountPpb);
        sender.netTransferredPpb = Math.subtractExact(sender.netTransferredPpb, amountPpb);
        changeAvailable(receiver, amountPpb);
        receiver.netTransferredPpb = Math.addExact(receiver.netTransferredPpb, amountPpb);
        TransferRow transfer = new TransferRow(regime.regimeId, transferred.transferId().value(),
                sender.companyId, receiver.companyId, amountPpb, transferred.occurredAt(), TransferStatus.COMPLETED);
        state.transfers.put(new Key(regime.regimeId, transfer.transferId), transfer);
        settle(transfer, TransferStatus.COMPLETED);
        moved(sender);
        moved(receiver);
    }

    @Override
    public void on(TransferRequestedEvent requested) {
        long amountPpb = requested.amountPpb().value();
        CompanyRow sender = company(requested.fromCompanyId());
        changeAvailable(sender, -amountPpb);
        changeReserved(sender, amountPpb);
        TransferRow transfer = new TransferRow(regime.regimeId, requested.transferId().value(), sender.companyId,
                requested.toCompanyId().value(), amountPpb, requested.occurredAt(), TransferStatus.PENDING);
        state.transfers.put(new Key(regime.regimeId, transfer.transferId), transfer);
        settle(transfer, TransferStatus.PENDING);
        moved(sender);
    }

    @Override
    public void on(TransferApprovedEvent approved) {
        long amountPpb = approved.amountPpb().value();
        CompanyRow sender = company(approved.fromCompanyId());
        CompanyRow receiver = company(approved.toCompanyId());
        changeReserved(sender, -amountPpb);
        sender.netTransferredPpb = Math.subtractExact(sender.netTransferredPpb, amountPpb);
        changeAvailable(receiver, amountPpb);
        receiver.netTransferredPpb = Math.addExact(receiver.netTransferredPpb, amountPpb);
        settle(state.transfer(regime.regimeId, approved.transferId().value()), TransferStatus.COMPLETED);
        moved(sender);
        moved(receiver);
    }

    @Override
    public void on(TransferRejectedEvent rejected) {
        long amountPpb = rejected.amountPpb().value();
        CompanyRow sender = company(rejected.fromCompanyId());
        changeReserved(sender, -amountPpb);
        changeAvailable(sender, amountPpb);
        settle(state.transfer(regime.regimeId, rejected.transferId().value()), TransferStatus.REJECTED);
        moved(sender);
    }

    // ---------------------------------------------------------------- safety cases

    @Override
    public void on(SafetyCaseSubmittedEvent submitted) {
        long riskPpb = submitted.riskPpb().value();
        CompanyRow company = company(submitted.companyId());
        changeAvailable(company, -riskPpb);
        changeReserved(company, riskPpb);
        CaseRow safetyCase = new CaseRow(regime.regimeId, submitted.caseId().value(), company.companyId,
                submitted.system().name(), submitted.system().version(), submitted.capabilityTier(),
                submitted.window().from(), submitted.window().to(),
                submitted.dependsOn().stream().map(CaseId::value).toList(), submitted.occurredAt(),
                new TreeSet<>()); // sorted, so a case's view lists its flags in a stable order
        safetyCase.riskPpb = riskPpb;
        safetyCase.reservedPpb = riskPpb;
        state.cases.put(new Key(regime.regimeId, safetyCase.caseId), safetyCase);
        changed(safetyCase, CaseStatus.SUBMITTED);
        moved(company);
    }

    @Override
    public void on(SafetyCaseAcceptedEvent accepted) {
        long amountPpb = accepted.amountPpb().value();
        CompanyRow company = company(accepted.companyId());
        changeReserved(company, -amountPpb);
        changeSpent(company, amountPpb);
        CaseRow safetyCase = safetyCase(accepted.caseId());
        safetyCase.chargedPpb = Math.addExact(safetyCase.chargedPpb, amountPpb);
        safetyCase.reservedPpb = 0;
        changed(safetyCase, CaseStatus.ACCEPTED);
        moved(company);
    }

    @Override
    public void on(SafetyCaseRejectedEvent rejected) {
        release(rejected.companyId(), rejected.caseId(), rejected.amountPpb().value(), CaseStatus.REJECTED);
    }

    @Override
    public void on(SafetyCaseWithdrawnEvent withdrawn) {
        release(withdrawn.companyId(), withdrawn.caseId(), withdrawn.amountPpb().value(), CaseStatus.WITHDRAWN);
    }

    private void release(CompanyId companyId, CaseId caseId, long amountPpb, CaseStatus status) {
        CompanyRow company = company(companyId);
        changeReserved(company, -amountPpb);
        changeAvailable(company, amountPpb);
        CaseRow safetyCase = safetyCase(caseId);
        safetyCase.reservedPpb = 0;
        changed(safetyCase, status);
        moved(company);
    }

    @Override
    public void on(SafetyCaseRevokedEvent revoked) {
        changed(safetyCase(revoked.caseId()), CaseStatus.REVOKED);
    }

    @Override
    public void on(SafetyCaseExpiredEvent expired) {
        changed(safetyCase(expired.caseId()), CaseStatus.EXPIRED);
    }

    @Override
    public void on(SafetyCaseRevisedEvent revised) {
        long additionalChargePpb = revised.additionalChargePpb().value();
        CaseRow safetyCase = safetyCase(revised.caseId());
        safetyCase.riskPpb = revised.riskPpb().value();
        safetyCase.chargedPpb = Math.addExact(safetyCase.chargedPpb, additionalChargePpb);
        changed(safetyCase);
        if (additionalChargePpb > 0) {
            // Spent at once from available, even into a negative balance: the company must then pause.
            CompanyRow company = company(revised.companyId());
            changeAvailable(company, -additionalChargePpb);
            changeSpent(company, additionalChargePpb);
            moved(company);
        }
    }

    @Override
    public void on(SafetyCasesFlaggedEvent flagged) {
        for (CaseId caseId : flagged.caseIds()) {
            CaseRow safetyCase = safetyCase(caseId);
            safetyCase.flags.add(flagged.flag());
            changed(safetyCase);
        }
    }
}
