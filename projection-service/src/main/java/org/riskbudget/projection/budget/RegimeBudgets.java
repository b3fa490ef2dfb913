package org.riskbudget.projection.budget;

import java.time.Instant;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.view.RegimeBudgetView;
import org.riskbudget.contracts.view.RegimeStatus;
import org.riskbudget.projection.apply.AppliedEvent;

/**
 * A regime's budget from its stored totals: allocated = cap − pool, unallocated = pool, remaining = cap − spent −
 * reserved (negative once the cap is broken), CAP_EXCEEDED iff spent > cap. One place, so the budget, its history,
 * the burn-down and the stream can never disagree.
 */
public final class RegimeBudgets {

    private RegimeBudgets() {}

    public static RegimeBudgetView view(RegimeId regimeId, String name, long capPpb, long poolPpb, long reservedPpb,
            long spentPpb, long lastSequence, Instant asOf, String lastHash) {
        return new RegimeBudgetView(regimeId, name, Ppb.of(capPpb), Ppb.of(allocatedPpb(capPpb, poolPpb)),
                Ppb.of(poolPpb), Ppb.of(reservedPpb), Ppb.of(spentPpb),
                Ppb.of(remainingPpb(capPpb, reservedPpb, spentPpb)),
                spentPpb > capPpb ? RegimeStatus.CAP_EXCEEDED : RegimeStatus.WITHIN_CAP, lastSequence, asOf, lastHash);
    }

    /** The budget right after an applied event. */
    public static RegimeBudgetView after(AppliedEvent event) {
        return view(event.regimeId(), event.regimeName(), event.capPpb(), event.poolPpb(), event.reservedPpb(),
                event.spentPpb(), event.sequence(), event.occurredAt(), event.hash());
    }

    public static long allocatedPpb(long capPpb, long poolPpb) {
        return Math.subtractExact(capPpb, poolPpb);
    }

    public static long remainingPpb(long capPpb, long reservedPpb, long spentPpb) {
        return Math.subtractExact(Math.subtractExact(capPpb, spentPpb), reservedPpb);
    }
}
