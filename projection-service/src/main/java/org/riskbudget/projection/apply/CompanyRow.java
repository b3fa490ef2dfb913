package org.riskbudget.projection.apply;

import java.time.Instant;

/** A company's accounts in the read model; amounts in ppb, changed only by {@link Projector}. */
final class CompanyRow extends ReadModelRow {

    final String regimeId;
    final String companyId;
    final String name;
    final Instant registeredAt;
    /** Granted by the regulator minus reclaimed. */
    long allocatedPpb;
    /** Completed transfers in minus out. */
    long netTransferredPpb;
    long availablePpb;
    long reservedPpb;
    long spentPpb;
    Instant updatedAt;

    CompanyRow(String regimeId, String companyId, String name, Instant registeredAt) {
        this.regimeId = regimeId;
        this.companyId = companyId;
        this.name = name;
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
    }
}
