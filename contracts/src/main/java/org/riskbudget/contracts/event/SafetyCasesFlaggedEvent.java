package org.riskbudget.contracts.event;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.CaseFlag;

/** Cases that depend, directly or transitively, on a revoked or upward-revised case were flagged for re-review. */
@Revision("1")
public record SafetyCasesFlaggedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CaseId sourceCaseId, CaseFlag flag, List<CaseId> caseIds,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
