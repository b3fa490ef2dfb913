package org.riskbudget.contracts.audit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.riskbudget.contracts.event.LedgerEvent;

/**
 * Copies an event record with another {@code hash}, component by component through its canonical constructor.
 * Sealing used to read the event back from its JSON for this, which cost more than hashing it.
 */
final class EventWithHash {

    private static final ClassValue<EventWithHash> COPIERS = new ClassValue<>() {
        @Override
        protected EventWithHash computeValue(Class<?> type) {
            return new EventWithHash(type);
        }
    };

    private final RecordComponent[] components;
    private final Constructor<?> constructor;
    private final int hashIndex;

    private EventWithHash(Class<?> type) {
        components = type.getRecordComponents();
        hashIndex = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(EventChain.HASH);
        if (hashIndex < 0) {
            throw new IllegalStateException(type.getName() + " is not a record with a hash component");
        }
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends LedgerEvent> E of(E event, String hash) {
        return (E) COPIERS.get(event.getClass()).copy(event, hash);
    }

    private Object copy(Object event, String hash) {
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = i == hashIndex ? hash : components[i].getAccessor().invoke(event);
            }
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the event refused its own values: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + event.getClass().getName(), e);
        }
    }
}
