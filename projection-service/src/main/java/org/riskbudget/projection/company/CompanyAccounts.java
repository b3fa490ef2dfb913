package org.riskbudget.projection.company;

import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.view.CompanyAccountView;
import org.riskbudget.contracts.view.CompanyStatus;

/** A company's account view; PAUSE_REQUIRED iff its available balance is negative. One place for both uses. */
public final class CompanyAccounts {

    private CompanyAccounts() {}

    public static CompanyAccountView view(CompanyId companyId, String name, long allocatedPpb,
            long netTransferredPpb, long availablePpb, long reservedPpb, long spentPpb) {
        return new CompanyAccountView(companyId, name, Ppb.of(allocatedPpb), Ppb.of(netTransferredPpb),
                Ppb.of(availablePpb), Ppb.of(reservedPpb), Ppb.of(spentPpb),
                availablePpb < 0 ? CompanyStatus.PAUSE_REQUIRED : CompanyStatus.ACTIVE);
    }
}
