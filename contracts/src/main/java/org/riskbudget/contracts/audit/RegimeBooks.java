package org.riskbudget.contracts.audit;

import java.util.List;
import java.util.Optional;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.view.CompanyStatus;
import org.riskbudget.contracts.view.RegimeStatus;

/**
 * A regime's books as a replay of its log computed them, after the event {@code lastSequence}: the same figures
 * the ledger and the read side report, so an auditor can compare them line by line.
 *
 * @param regimeId     the regime the log is about; null when the log was empty
 * @param allocatedPpb cap − pool: what companies hold or have used
 * @param reservedPpb  Σ reserved: cases under review and transfers awaiting approval
 * @param remainingPpb cap − spent − reserved: what could still be spent; negative once the cap is broken
 * @param companies    by company id
 * @param cases        by case id
 * @param transfers    by transfer id
 * @param lastHash     the hash the last event states (the replay does not check the chain)
 */
public record RegimeBooks(RegimeId regimeId, Ppb capPpb, Ppb poolPpb, Ppb allocatedPpb, Ppb reservedPpb,
        Ppb spentPpb, Ppb remainingPpb, RegimeStatus status, List<Company> companies, List<SafetyCase> cases,
        List<Transfer> transfers, long lastSequence, String lastHash) {

    public RegimeBooks {
        companies = List.copyOf(companies);
        cases = List.copyOf(cases);
        transfers = List.copyOf(transfers);
    }

    public Optional<Company> company(CompanyId companyId) {
        return companies.stream().filter(company -> company.companyId().equals(companyId)).findFirst();
    }

    public Optional<SafetyCase> safetyCase(CaseId caseId) {
        return cases.stream().filter(safetyCase -> safetyCase.caseId().equals(caseId)).findFirst();
    }

    public Optional<Transfer> transfer(TransferId transferId) {
        return transfers.stream().filter(transfer -> transfer.transferId().equals(transferId)).findFirst();
    }



    /**
     * @param allocatedPpb      granted by the regulator minus reclaimed
     * @param netTransferredPpb completed transfers in minus out
     */
    public record Company(CompanyId companyId, String name, Ppb allocatedPpb, Ppb availablePpb, Ppb reservedPpb,
            Ppb spentPpb, Ppb netTransferredPpb, CompanyStatus status) {}

    /**
     * @param riskPpb     the current estimate
     * @param chargedPpb  what the case has spent so far
     * @param reservedPpb what it holds in its company's reserved account while under review
     */
    public record SafetyCase(CaseId caseId, CompanyId companyId, CaseStatus status, Ppb riskPpb, Ppb chargedPpb,
            Ppb reservedPpb, List<CaseFlag> flags) {

        public SafetyCase {
            flags = List.copyOf(flags);
        }
    }

    public record Transfer(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb,
            TransferStatus status) {}
}
