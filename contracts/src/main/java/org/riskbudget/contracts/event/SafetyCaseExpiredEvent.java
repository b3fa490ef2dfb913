package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;

/** An accepted case reached the end of its window; no balance moves. */
@Revision("1")
public record SafetyCaseExpiredEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CaseId caseId, CompanyId companyId,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
