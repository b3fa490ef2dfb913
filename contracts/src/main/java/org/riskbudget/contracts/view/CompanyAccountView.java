package org.riskbudget.contracts.view;

import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * A company's accounts: {@code allocatedPpb} is what the regulator granted minus what it reclaimed,
 * {@code netTransferredPpb} completed transfers in minus out.
 */
public record CompanyAccountView(CompanyId companyId, String name, Ppb allocatedPpb, Ppb netTransferredPpb,
        Ppb availablePpb, Ppb reservedPpb, Ppb spentPpb, CompanyStatus status) {}
