package org.riskbudget.projection.apply;

import java.time.Instant;

/** A line of a company's statement: the event that moved its balances, and the balances right after it. */
record MovementRow(String regimeId, String companyId, long sequence, Instant occurredAt, String type, String hash,
        long allocatedPpb, long netTransferredPpb, long availablePpb, long reservedPpb, long spentPpb) {

    static MovementRow after(CompanyRow company, long sequence, Instant occurredAt, String type, String hash) {
        return new MovementRow(company.regimeId, company.companyId, sequence, occurredAt, type, hash,
                company.allocatedPpb, company.netTransferredPpb, company.availablePpb, company.reservedPpb,
                company.spentPpb);
    }
}
