package org.riskbudget.contracts.safetycase;

import org.riskbudget.contracts.risk.Ppb;

/** A case's risk per threat model, each rounded up to whole ppb, and their sum. */
public record RiskBreakdown(Ppb securityPpb, Ppb misalignmentPpb, Ppb misusePpb) {

    public Ppb totalPpb() {
        return securityPpb.plus(misalignmentPpb).plus(misusePpb);
    }
}
