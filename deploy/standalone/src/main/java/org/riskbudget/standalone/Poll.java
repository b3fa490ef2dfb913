package org.riskbudget.standalone;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait in this package ends, successfully or not, within its timeout. */
final class Poll {

    private static final long INTERVAL_MS = 50;

    private Poll() {
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} has passed.
     *
     * @return whether the condition held in time
     */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadlineNs >= 0) {
                return false;
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
