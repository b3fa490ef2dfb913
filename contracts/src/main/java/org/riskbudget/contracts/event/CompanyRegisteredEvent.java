package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;

/** A company joined the regime with empty accounts. */
@Revision("1")
public record CompanyRegisteredEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CompanyId companyId, String name,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
