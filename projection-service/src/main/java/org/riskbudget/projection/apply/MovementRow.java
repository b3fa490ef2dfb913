package org.riskbudget.projection.apply;

/**
 * A line of a company's statement: the event that moved its balances, and the balances right after it. The event's
 * time, type and hash are in the regime history, under the same sequence.
 */
record MovementRow(String regimeId, String companyId, long sequence, long allocatedPpb, long netTransferredPpb,
        long availablePpb, long reservedPpb, long spentPpb) {

    static MovementRow after(CompanyRow company, long sequence) {
        return new MovementRow(company.regimeId, company.companyId, sequence,
                company.allocatedPpb, company.netTransferredPpb, company.availablePpb, company.reservedPpb,
                company.spentPpb);
    }
}
