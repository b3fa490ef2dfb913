package org.riskbudget.projection.apply;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.HashMap;
import java.util.Map;
import org.riskbudget.contracts.event.LedgerEvent;

/**
 * The wire name of each event type ({@code "BudgetAllocated"}, …), read from the public language's own type
 * mapping so the history, the stream and the metrics name events exactly as the topic and the audit log do.
 */
public final class EventTypes {

    private static final Map<Class<?>, String> NAMES = names();

    private EventTypes() {}

    public static String nameOf(LedgerEvent event) {
        String name = NAMES.get(event.getClass());
        if (name == null) {
            throw new IllegalStateException(event.getClass() + " has no wire name in LedgerEvent's @JsonSubTypes");
        }
        return name;
    }

    private static Map<Class<?>, String> names() {
        Map<Class<?>, String> names = new HashMap<>();
        for (JsonSubTypes.Type type : LedgerEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            names.put(type.value(), type.name());
        }
        return Map.copyOf(names);
    }
}
