package org.riskbudget.projection.consumer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the consumer is not running, while it cannot reach its database or broker, or while a partition is
 * stalled (an event missing or unreadable, or a failed batch waiting to be retried): the read model then falls
 * behind the ledger, and a gap needs the missing event or an operator.
 */
@Component("projection")
class ProjectionHealthIndicator implements HealthIndicator {

    private final ConsumerStatus status;

    ProjectionHealthIndicator(ConsumerStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        if (!status.isRunning()) {
            return Health.down().withDetail("consumer", "not running").build();
        }
        if (status.failure() != null) {
            return Health.down().withDetail("lastFailure", status.failure()).build();
        }
        if (!status.stalls().isEmpty()) {
            return Health.down().withDetail("stalledPartitions", status.stalls()).build();
        }
        return Health.up().build();
    }
}
