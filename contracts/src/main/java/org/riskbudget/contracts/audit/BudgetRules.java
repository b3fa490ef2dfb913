package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.BudgetReclaimedEvent;
import org.riskbudget.contracts.event.BudgetTransferredEvent;
import org.riskbudget.contracts.event.CompanyRegisteredEvent;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.event.RegimePolicyChangedEvent;
import org.riskbudget.contracts.event.TransferApprovedEvent;
import org.riskbudget.contracts.event.TransferRejectedEvent;
import org.riskbudget.contracts.event.TransferRequestedEvent;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** The regime, its companies and the movements of budget between the pool and companies: checked, then applied. */
final class BudgetRules extends ReplayRules {

    BudgetRules(Books books, Findings findings) {
        super(books, findings);
    }

    /**
     * A second opening is refused by the ledger; here it is applied as stated (cap and pool reset), so that the
     * invariant check also shows what it would do to budget already handed out.
     */
    void opened(RegimeOpenedEvent event) {
        if (books.open) {
            findings.add(Finding.INVALID_STATE, "the regime is opened a second time");
        }
        if (event.policy() == null) {
            findings.add(Finding.MALFORMED_EVENT, "policy is missing");
        }
        Long capPpb = movement(event.capPpb(), "capPpb");
        if (capPpb != null) {
            books.open(capPpb);
        }
    }

    void policyChanged(RegimePolicyChangedEvent event) {
        if (event.policy() == null) {
            findings.add(Finding.MALFORMED_EVENT, "policy is missing");
        }
    }

    void registered(CompanyRegisteredEvent event) {
        CompanyId companyId = event.companyId();
        if (companyId == null) {
            findings.add(Finding.MALFORMED_EVENT, "companyId is missing");
        } else if (books.companies.containsKey(companyId)) {
            findings.add(Finding.DUPLICATE_ID, "company " + companyId.value() + " is registered a second time");
        } else {
            books.companies.put(companyId, new Account(companyId, event.name()));
        }
    }

    void allocated(BudgetAllocatedEvent event) {
        Account account = company(event.companyId(), "companyId");
        Long amountPpb = movement(event.amountPpb(), "amountPpb");
        if (account == null || amountPpb == null) {
            return;
        }
        if (amountPpb > books.poolPpb) {
            findings.add(Finding.OVERDRAWN, "allocates " + amountPpb + " ppb but the pool holds " + books.poolPpb
                    + " ppb");
        }
        books.poolPpb -= amountPpb;
        account.availablePpb += amountPpb;
        account.allocatedPpb += amountPpb;
    }

    void reclaimed(BudgetReclaimedEvent event) {
        Account account = company(event.companyId(), "companyId");
        Long amountPpb = movement(event.amountPpb(), "amountPpb");
        if (account == null || amountPpb == null) {
            return;
        }
        requireAvailable(account, amountPpb, "reclaims");
        account.availablePpb -= amountPpb;
        account.allocatedPpb -= amountPpb;
        books.poolPpb += amountPpb;
    }

    void transferred(BudgetTransferredEvent event) {
        Trade trade = newTrade(event.transferId(), event.fromCompanyId(), event.toCompanyId(), event.amountPpb());
        if (trade == null) {
            return;
        }
        trade.from.availablePpb -= trade.amountPpb;
        trade.from.netTransferredPpb -= trade.amountPpb;
        trade.to.availablePpb += trade.amountPpb;
        trade.to.netTransferredPpb += trade.amountPpb;
        books.transfers.put(event.transferId(), new TransferState(event.transferId(), event.fromCompanyId(),
                event.toCompanyId(), trade.amountPpb, TransferStatus.COMPLETED));
    }

    void requested(TransferRequestedEvent event) {
        Trade trade = newTrade(event.transferId(), event.fromCompanyId(), event.toCompanyId(), event.amountPpb());
        if (trade == null) {
            return;
        }
        trade.from.availablePpb -= trade.amountPpb;
        trade.from.reservedPpb += trade.amountPpb;
        books.transfers.put(event.transferId(), new TransferState(event.transferId(), event.fromCompanyId(),
                event.toCompanyId(), trade.amountPpb, TransferStatus.PENDING));
    }

    void approved(TransferApprovedEvent event) {
        Trade trade = settlement(event.transferId(), event.fromCompanyId(), event.toCompanyId(), event.amountPpb());
        if (trade == null) {
            return;
        }
        trade.from.reservedPpb -= trade.amountPpb;
        trade.from.netTransferredPpb -= trade.amountPpb;
        trade.to.availablePpb += trade.amountPpb;
        trade.to.netTransferredPpb += trade.amountPpb;
        books.transfers.get(event.transferId()).status = TransferStatus.COMPLETED;
    }

    void rejected(TransferRejectedEvent event) {
        Trade trade = settlement(event.transferId(), event.fromCompanyId(), event.toCompanyId(), event.amountPpb());
        if (trade == null) {
            return;
        }
        trade.from.reservedPpb -= trade.amountPpb;
        trade.from.availablePpb += trade.amountPpb;
        books.transfers.get(event.transferId()).status = TransferStatus.REJECTED;
    }

    /** The parties and amount of a new transfer, checked; null (reported) when it cannot be applied. */
    private Trade newTrade(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amount) {
        Account from = company(fromCompanyId, "fromCompanyId");
        Account to = company(toCompanyId, "toCompanyId");
        Long amountPpb = movement(amount, "amountPpb");
        if (transferId == null) {
            findings.add(Finding.MALFORMED_EVENT, "transferId is missing");
            return null;
        }
        if (books.transfers.containsKey(transferId)) {
            findings.add(Finding.DUPLICATE_ID, "transfer " + transferId.value() + " already exists");
            return null;
        }
        if (from == null || to == null || amountPpb == null) {
            return null;
        }
        if (from == to) {
            findings.add(Finding.PARTY_MISMATCH, "transfer " + transferId.value() + " sends to its own sender");
        }
        requireAvailable(from, amountPpb, "transfers");
        return new Trade(from, to, amountPpb);
    }

    /** The approval or rejection of a pending transfer, checked against the request on record. */
    private Trade settlement(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amount) {
        TransferState pending = transfer(transferId);
        Account from = company(fromCompanyId, "fromCompanyId");
        Account to = company(toCompanyId, "toCompanyId");
        Long amountPpb = amount(amount, "amountPpb");
        if (pending == null || from == null || to == null || amountPpb == null) {
            return null;
        }
        String subject = "transfer " + transferId.value();
        if (pending.status != TransferStatus.PENDING) {
            findings.add(Finding.INVALID_STATE, subject + " is " + pending.status + ", not PENDING");
        }
        checkParty("fromCompanyId", fromCompanyId, pending.fromCompanyId, subject);
        checkParty("toCompanyId", toCompanyId, pending.toCompanyId, subject);
        if (amountPpb != pending.amountPpb) {
            findings.add(Finding.AMOUNT_MISMATCH, subject + " moves " + amountPpb + " ppb but " + pending.amountPpb
                    + " ppb was requested");
        }
        return new Trade(from, to, amountPpb);
    }

    private void requireAvailable(Account account, long amountPpb, String verb) {
        if (amountPpb > account.availablePpb) {
            findings.add(Finding.OVERDRAWN, verb + " " + amountPpb + " ppb but " + account.companyId.value()
                    + " has " + account.availablePpb + " ppb available");
        }
    }

    private record Trade(Account from, Account to, long amountPpb) {}
}
