package org.riskbudget.projection.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.riskbudget.projection.apply.AppliedEvent;
import org.riskbudget.projection.apply.BatchResult;
import org.riskbudget.projection.apply.Stall;
import org.springframework.stereotype.Component;

/** The consumer's meters: events applied by type, duplicates skipped, stalls, unreadable records, lag. */
@Component
final class ProjectionMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter unreadable;
    private final Counter failedBatches;
    private final Timer lag;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("projection.events.duplicates")
                .description("Events skipped because their regime had applied them already").register(registry);
        this.unreadable = Counter.builder("projection.records.unreadable")
                .description("Records found not to be events, once per attempt; each holds its partition").register(registry);
        this.failedBatches = Counter.builder("projection.batches.failed")
                .description("Batches whose transaction failed and will be retried").register(registry);
        this.lag = Timer.builder("projection.lag")
                .description("From an event's occurredAt to its application in the read model")
                .register(registry);
    }

    void record(BatchResult result, int unreadableRecords, Instant appliedAt) {
        for (AppliedEvent event : result.applied()) {
            registry.counter("projection.events.applied", "type", event.type()).increment();
            Duration behind = Duration.between(event.occurredAt(), appliedAt);
            lag.record(behind.isNegative() ? Duration.ZERO : behind); // the ledger's clock may run a little ahead
        }
        duplicates.increment(result.duplicates());
        for (Stall stall : result.newStalls()) {
            registry.counter("projection.gaps", "kind", stall.kind().name()).increment();
        }
        unreadable.increment(unreadableRecords);
    }

    void failedBatch() {
        failedBatches.increment();
    }
}
