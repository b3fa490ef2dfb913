package org.riskbudget.ledger.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to the events topic, in order, keyed by regime. It runs in a tracking processor
 * whose token is stored in the same transaction as the batch: the batch commits only after the broker acknowledged
 * every send, so a broker outage delays publishing and loses nothing. A crash between acknowledgement and commit
 * publishes a batch twice; consumers skip what they have by (regime, sequence).
 */
@Component
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
class EventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = EventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicProvisioner topic;
    private final PublishingSettings settings;
    private final Timer delay;
    private final ClassValue<EventType> types;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, TopicProvisioner topic, PublishingSettings settings,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.settings = settings;
        this.types = new ClassValue<>() {
            @Override
            protected EventType computeValue(Class<?> type) {
                return EventType.of(type, meters);
            }
        };
        this.delay = Timer.builder("ledger.publish.delay")
                .description("Time from an event's occurrence to the broker's acknowledgement of it")
                .register(meters);
    }

    @EventHandler
    void publish(LedgerEvent event) {
        topic.ensureTopicExists();
        EventType type = types.get(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), event.regimeId().value(),
                LedgerJson.mapper().writeValueAsBytes(event));
        header(record, LedgerTopic.TYPE_HEADER, type.name());
        header(record, LedgerTopic.REVISION_HEADER, type.revision());
        header(record, LedgerTopic.SEQUENCE_HEADER, Long.toString(event.sequence()));
        CompletableFuture<SendResult<String, byte[]>> sent = kafka.send(record).whenComplete((result, failure) -> {
            if (failure == null) {
                delay.record(Duration.between(event.occurredAt(), Instant.now()));
                type.published().increment();
            } else {
                type.failed().increment();
            }
        });
        pendingSends().add(sent);
    }

    /**
     * The sends of the current batch, awaited once before it commits. Sends are asynchronous so a batch travels to
     * the broker together; ordering per partition is kept by the idempotent producer.
     */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.root().onPrepareCommit(committing -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge the batch; it will be published again", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What every event of one type is published with, worked out once per type rather than per event. */
    private record EventType(String name, String revision, Counter published, Counter failed) {

        static EventType of(Class<?> type, MeterRegistry meters) {
            String name = type.getSimpleName().replaceFirst("Event$", "");
            return new EventType(name, type.getAnnotation(Revision.class).value(),
                    meters.counter("ledger.publish.events", "type", name),
                    meters.counter("ledger.publish.failures", "type", name));
        }
    }
}
