package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.ids.CompanyId;

/**
 * A company's accounts as the replay computes them. Plain longs: every amount is range-checked before it moves,
 * so no sum can overflow, and a replay must never throw on bad data the way overflow-checked {@code Ppb} would.
 */
final class Account {

    final CompanyId companyId;
    final String name;
    long availablePpb;
    long reservedPpb;
    long spentPpb;
    /** Granted by the regulator minus reclaimed. */
    long allocatedPpb;
    /** Completed transfers in minus out. */
    long netTransferredPpb;

    Account(CompanyId companyId, String name) {
        this.companyId = companyId;
        this.name = name;
    }

    long totalPpb() {
        return availablePpb + reservedPpb + spentPpb;
    }

    boolean isPaused() {
        return availablePpb < 0;
    }
}
