package org.riskbudget.bench.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting for a condition that only polling can see (a process becoming ready, a row appearing). Every wait
 * ends: it fails with the condition's description when the timeout passes.
 */
public final class Poll {

    private static final long INTERVAL_NS = Duration.ofMillis(100).toNanos();

    private Poll() {}

    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs >= 0) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for "
                        + description);
            }
            LockSupport.parkNanos(INTERVAL_NS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + description);
            }
        }
    }
}
