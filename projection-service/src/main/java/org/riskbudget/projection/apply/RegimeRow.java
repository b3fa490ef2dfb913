package org.riskbudget.projection.apply;

import java.time.Instant;

/** A regime's totals in the read model; amounts in ppb, changed only by {@link Projector}. */
final class RegimeRow extends ReadModelRow {

    final String regimeId;
    final String name;
    final long capPpb;
    final Instant openedAt;
    long poolPpb;
    /** Σ of the companies' available accounts, kept so the double-entry invariant can be checked per event. */
    long availablePpb;
    long reservedPpb;
    long spentPpb;
    long lastSequence;
    String lastHash;
    Instant updatedAt;

    RegimeRow(String regimeId, String name, long capPpb, Instant openedAt) {
        this.regimeId = regimeId;
        this.name = name;
        this.capPpb = capPpb;
        this.openedAt = openedAt;
        this.poolPpb = capPpb;
    }

    /** pool + Σ available + Σ reserved + Σ spent = cap, with pool, reserved and spent never negative. */
    void assertBalanced() {
        long total = Math.addExact(Math.addExact(poolPpb, availablePpb), Math.addExact(reservedPpb, spentPpb));
        if (total != capPpb || poolPpb < 0 || reservedPpb < 0 || spentPpb < 0) {
            throw new IllegalStateException("ledger invariant violated in regime " + regimeId + " after event "
                    + lastSequence + ": pool " + poolPpb + " + available " + availablePpb + " + reserved "
                    + reservedPpb + " + spent " + spentPpb + " = " + total + ", cap " + capPpb);
        }
    }
}
