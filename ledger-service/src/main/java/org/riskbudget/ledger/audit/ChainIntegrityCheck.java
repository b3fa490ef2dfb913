package org.riskbudget.ledger.audit;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.LedgerEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks every ledger event read from the store against its own hash, before any upcaster changes it: an edit of
 * a stored row stops the regime from loading and the publisher from publishing, instead of flowing on. The link to
 * the previous event is checked where events are applied, in the regime itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChainIntegrityCheck extends SingleEventUpcaster {

    private static final String EVENT_PACKAGE = LedgerEvent.class.getPackageName() + ".";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return stored.getType().getName().startsWith(EVENT_PACKAGE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        JsonNode event = stored.getData(JsonNode.class).getData();
        String statedHash = event.path(EventChain.HASH).asString("");
        if (!statedHash.equals(EventChain.hashOf(event))) {
            throw new IllegalStateException("stored event " + stored.getAggregateIdentifier().orElse("?") + "#"
                    + stored.getSequenceNumber().orElse(-1L) + " does not match its hash: the event store was altered");
        }
        return stored;
    }
}
