package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;

/** The regime's policy was replaced; it applies to later submissions and acceptances. */
@Revision("1")
public record RegimePolicyChangedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        RegimePolicy policy,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
