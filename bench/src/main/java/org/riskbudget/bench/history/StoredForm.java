package org.riskbudget.bench.history;

import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;

/**
 * An event as the ledger stores and publishes it: the public language's JSON, the type name the topic's header
 * carries, and the payload revision Axon records.
 */
final class StoredForm {

    private StoredForm() {}

    static byte[] json(LedgerEvent event) {
        return LedgerJson.mapper().writeValueAsBytes(event);
    }

    /** The topic's type header: the class name without "Event", as ledger-service's publisher writes it. */
    static String typeName(LedgerEvent event) {
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }

    /** The {@code @Revision} of the event's class, as the ledger stores and publishes it. */
    static String revision(LedgerEvent event) {
        return event.getClass().getAnnotation(Revision.class).value();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
