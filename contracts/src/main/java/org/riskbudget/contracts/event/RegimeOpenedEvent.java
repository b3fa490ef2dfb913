package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;

/** A regime was opened: its whole cap is in the pool. */
@Revision("1")
public record RegimeOpenedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        String name, Ppb capPpb, RegimePolicy policy,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
