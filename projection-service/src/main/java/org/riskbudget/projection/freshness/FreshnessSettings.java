package org.riskbudget.projection.freshness;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minSequenceWait the longest a read waits for its {@code minSequence}; then it answers 503
 * @param maxWaiters      reads that may wait at once; more answer 503 at once rather than hold more threads
 */
@ConfigurationProperties("projection.read")
record FreshnessSettings(@DefaultValue("5s") Duration minSequenceWait, @DefaultValue("256") int maxWaiters) {

    FreshnessSettings {
        if (minSequenceWait.isNegative() || minSequenceWait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("projection.read.min-sequence-wait must be 0 to 1 minute");
        }
        if (maxWaiters < 1) {
            throw new IllegalArgumentException("projection.read.max-waiters must be at least 1");
        }
    }
}
