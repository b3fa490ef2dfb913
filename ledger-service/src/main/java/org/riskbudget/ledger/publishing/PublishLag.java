package org.riskbudget.ledger.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * How many stored events the publisher has yet to publish: the head of the event store minus the publisher's
 * position. Zero when caught up; growing while the broker is away.
 */
@Component
class PublishLag implements SmartInitializingSingleton {

    private final MeterRegistry meters;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    PublishLag(MeterRegistry meters, EventStore eventStore, EventProcessingConfiguration processing) {
        this.meters = meters;
        this.eventStore = eventStore;
        this.processing = processing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Gauge.builder("ledger.publish.lag.events", this, PublishLag::eventsBehind)
                .description("Stored events not yet acknowledged by the broker")
                .register(meters);
    }

    private double eventsBehind() {
        long head = position(eventStore.createHeadToken());
        return processing.eventProcessor(EventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .mapToLong(status -> position(status.getTrackingToken()))
                        .min().orElse(0))
                .map(published -> (double) Math.max(0, head - published))
                .orElse(Double.NaN);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
