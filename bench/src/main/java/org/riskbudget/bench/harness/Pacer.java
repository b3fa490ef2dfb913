package org.riskbudget.bench.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: slot {@code i} is due at {@code start + i / rate}, whatever happened to earlier slots, so a
 * slow answer never lowers the offered rate (no coordinated omission). The caller waits for each slot in turn.
 */
public final class Pacer {

    private final long startNs;
    private final double intervalNs;

    public Pacer(long startNs, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("the rate must be positive, was " + perSecond);
        }
        this.startNs = startNs;
        this.intervalNs = 1e9 / perSecond;
    }

    /** When slot {@code slot} is due, in {@link System#nanoTime()} terms. */
    public long dueNs(long slot) {
        return startNs + Math.round(slot * intervalNs);
    }

    /** Parks until slot {@code slot} is due (at once when it is already late); returns its due time. */
    public long awaitSlot(long slot) {
        long dueNs = dueNs(slot);
        for (long waitNs = dueNs - System.nanoTime(); waitNs > 0; waitNs = dueNs - System.nanoTime()) {
            LockSupport.parkNanos(waitNs);
        }
        return dueNs;
    }
}
