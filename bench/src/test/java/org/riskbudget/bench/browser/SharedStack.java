package org.riskbudget.bench.browser;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * The bench module's shared stack ({@code org.riskbudget.bench.Stack.shared()}), which is package-private there:
 * reached by reflection so this package uses the one stack of the test run rather than starting a second one. If
 * {@code Stack} and its accessors become public, this class can go.
 */
final class SharedStack {

    private final Object stack;

    private SharedStack(Object stack) {
        this.stack = stack;
    }

    static SharedStack get() {
        try {
            Method shared = Class.forName("org.riskbudget.bench.Stack").getDeclaredMethod("shared");
            shared.setAccessible(true);
            return new SharedStack(shared.invoke(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the bench's shared stack", e);
        }
    }

    URI ledger() {
        return uri("ledger");
    }

    URI projection() {
        return uri("projection");
    }

    private URI uri(String service) {
        try {
            Method accessor = stack.getClass().getDeclaredMethod(service);
            accessor.setAccessible(true);
            return (URI) accessor.invoke(stack);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the " + service + " address of the shared stack", e);
        }
    }
}
