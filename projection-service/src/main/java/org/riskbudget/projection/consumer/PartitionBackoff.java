package org.riskbudget.projection.consumer;

import java.time.Duration;
import java.time.Instant;

/** When a paused partition may be retried, and how long the wait after that one will be: doubling, bounded. */
record PartitionBackoff(Instant retryAt, Duration nextWait) {

    static PartitionBackoff first(Instant now, Duration first, Duration max) {
        return new PartitionBackoff(now.plus(first), min(first.multipliedBy(2), max));
    }

    PartitionBackoff next(Instant now, Duration max) {
        return new PartitionBackoff(now.plus(nextWait), min(nextWait.multipliedBy(2), max));
    }

    boolean isDue(Instant now) {
        return !now.isBefore(retryAt);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
