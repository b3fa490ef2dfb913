package org.riskbudget.ledger.regime;

import org.riskbudget.contracts.risk.Ppb;

/**
 * The double-entry invariant, asserted after every applied event: pool + Σ available + Σ reserved + Σ spent = cap,
 * with pool, reserved and spent never negative. A violation is a bug in the ledger, never a user error, so it
 * fails loudly and the event is not accepted.
 */
final class LedgerInvariant {

    private LedgerInvariant() {}

    static void assertBalanced(Regime regime) {
        Ppb total = regime.poolPpb();
        if (total.isNegative()) {
            throw violation(regime, "the pool is negative: " + total);
        }
        for (CompanyAccount account : regime.companyAccounts()) {
            if (account.reservedPpb().isNegative() || account.spentPpb().isNegative()) {
                throw violation(regime, account.companyId().value() + " has a negative reserved or spent account");
            }
            total = total.plus(account.totalPpb());
        }
        if (!total.equals(regime.capPpb())) {
            throw violation(regime, "pool + available + reserved + spent = " + total + ", cap = " + regime.capPpb());
        }
    }

    private static IllegalStateException violation(Regime regime, String detail) {
        return new IllegalStateException("ledger invariant violated after event " + regime.lastSequence() + ": " + detail);
    }
}
