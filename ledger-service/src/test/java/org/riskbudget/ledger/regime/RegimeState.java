package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CaseStatus;

/**
 * Reads a regime's state through its package-private accessors, and checks the ledger's books: the double-entry
 * invariant, and that each company's reserved and spent accounts are exactly what its cases and transfers hold.
 */
final class RegimeState {

    private RegimeState() {}

    static CompanyAccount account(Regime regime, CompanyId companyId) {
        return StreamSupport.stream(regime.companyAccounts().spliterator(), false)
                .filter(account -> account.companyId().equals(companyId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no account for " + companyId.value()));
    }

    static SafetyCaseRecord safetyCase(Regime regime, String caseId) {
        SafetyCaseRecord record = regime.safetyCases().get(caseId);
        if (record == null) {
            throw new AssertionError("no case " + caseId);
        }
        return record;
    }

    static TransferStatus transferStatus(Regime regime, String transferId) {
        TransferStatus status = regime.transferStatus(TransferId.of(transferId));
        if (status == null) {
            throw new AssertionError("no transfer " + transferId);
        }
        return status;
    }

    static Ppb totalSpent(Regime regime) {
        Ppb total = Ppb.ZERO;
        for (CompanyAccount account : regime.companyAccounts()) {
            total = total.plus(account.spentPpb());
        }
        return total;
    }

    static Ppb totalReserved(Regime regime) {
        Ppb total = Ppb.ZERO;
        for (CompanyAccount account : regime.companyAccounts()) {
            total = total.plus(account.reservedPpb());
        }
        return total;
    }

    /** What could still be spent: cap − spent − reserved; negative once the cap is broken. */
    static Ppb remaining(Regime regime) {
        return regime.capPpb().minus(totalSpent(regime)).minus(totalReserved(regime));
    }

    /** The regime's allocated figure: cap − pool. */
    static Ppb allocated(Regime regime) {
        return regime.capPpb().minus(regime.poolPpb());
    }

    /**
     * pool + Σ available + Σ reserved + Σ spent == cap, the pool, reserved and spent accounts are never negative,
     * and each company's reserved and spent accounts reconcile with the cases and transfers that put money there.
     */
    static void assertBalanced(Regime regime) {
        Ppb total = regime.poolPpb();
        assertThat(regime.poolPpb().isNegative()).as("pool %s is negative", regime.poolPpb()).isFalse();
        for (CompanyAccount account : regime.companyAccounts()) {
            assertThat(account.reservedPpb().isNegative()).as("reserved of %s", account.companyId()).isFalse();
            assertThat(account.spentPpb().isNegative()).as("spent of %s", account.companyId()).isFalse();
            total = total.plus(account.availablePpb()).plus(account.reservedPpb()).plus(account.spentPpb());
            assertThat(account.reservedPpb())
                    .as("reserved of %s = its submitted cases' reservations + its pending transfers out",
                            account.companyId().value())
                    .isEqualTo(heldFor(regime, account.companyId()));
            assertThat(account.spentPpb())
                    .as("spent of %s = what its cases have charged", account.companyId().value())
                    .isEqualTo(chargedBy(regime, account.companyId()));
        }
        assertThat(total).as("pool + Σ available + Σ reserved + Σ spent").isEqualTo(regime.capPpb());
    }

    private static Ppb heldFor(Regime regime, CompanyId companyId) {
        Ppb held = Ppb.ZERO;
        for (Map.Entry<String, SafetyCaseRecord> safetyCase : regime.safetyCases().entrySet()) {
            SafetyCaseRecord record = safetyCase.getValue();
            if (record.companyId().equals(companyId)) {
                if (record.status() != CaseStatus.SUBMITTED) {
                    assertThat(record.reservedPpb()).as("reservation of %s case %s", record.status(),
                            safetyCase.getKey()).isEqualTo(Ppb.ZERO);
                }
                held = held.plus(record.reservedPpb());
            }
        }
        for (TransferRecord transfer : regime.pendingTransferRecords()) {
            if (transfer.fromCompanyId().equals(companyId)) {
                held = held.plus(transfer.amountPpb());
            }
        }
        return held;
    }

    private static Ppb chargedBy(Regime regime, CompanyId companyId) {
        Ppb charged = Ppb.ZERO;
        for (SafetyCaseRecord record : regime.safetyCases().values()) {
            if (record.companyId().equals(companyId)) {
                charged = charged.plus(record.chargedPpb());
            }
        }
        return charged;
    }
}
