package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * A company's three accounts in a regime (available, reserved, spent) and the two running figures its statement
 * shows. Changed only by the regime's event-sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CompanyAccount {

    private CompanyId companyId;
    private String name;
    private Ppb availablePpb = Ppb.ZERO;
    private Ppb reservedPpb = Ppb.ZERO;
    private Ppb spentPpb = Ppb.ZERO;
    /** Granted by the regulator minus reclaimed. */
    private Ppb allocatedPpb = Ppb.ZERO;
    /** Completed transfers in minus out. */
    private Ppb netTransferredPpb = Ppb.ZERO;

    CompanyAccount() {}

    CompanyAccount(CompanyId companyId, String name) {
        this.companyId = companyId;
        this.name = name;
    }

    CompanyId companyId() {
        return companyId;
    }

    Ppb availablePpb() {
        return availablePpb;
    }

    Ppb reservedPpb() {
        return reservedPpb;
    }

    Ppb spentPpb() {
        return spentPpb;
    }

    /** A company whose available balance is negative must pause: no submissions, no acceptances. */
    boolean isPauseRequired() {
        return availablePpb.isNegative();
    }

    void allocate(Ppb amount) {
        availablePpb = availablePpb.plus(amount);
        allocatedPpb = allocatedPpb.plus(amount);
    }

    void reclaim(Ppb amount) {
        availablePpb = availablePpb.minus(amount);
        allocatedPpb = allocatedPpb.minus(amount);
    }

    void transferIn(Ppb amount) {
        availablePpb = availablePpb.plus(amount);
        netTransferredPpb = netTransferredPpb.plus(amount);
    }

    void transferOutOfAvailable(Ppb amount) {
        availablePpb = availablePpb.minus(amount);
        netTransferredPpb = netTransferredPpb.minus(amount);
    }

    void transferOutOfReserved(Ppb amount) {
        reservedPpb = reservedPpb.minus(amount);
        netTransferredPpb = netTransferredPpb.minus(amount);
    }

    void reserve(Ppb amount) {
        availablePpb = availablePpb.minus(amount);
        reservedPpb = reservedPpb.plus(amount);
    }

    void release(Ppb amount) {
        reservedPpb = reservedPpb.minus(amount);
        availablePpb = availablePpb.plus(amount);
    }

    void spendReserved(Ppb amount) {
        reservedPpb = reservedPpb.minus(amount);
        spentPpb = spentPpb.plus(amount);
    }

    /** An upward revision: spent at once, even into a negative available balance. */
    void spendAvailable(Ppb amount) {
        availablePpb = availablePpb.minus(amount);
        spentPpb = spentPpb.plus(amount);
    }

    Ppb totalPpb() {
        return availablePpb.plus(reservedPpb).plus(spentPpb);
    }
}
