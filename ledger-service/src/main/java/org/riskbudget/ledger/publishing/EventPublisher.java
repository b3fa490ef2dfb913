package org.riskbudget.ledger.publishing;

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
    private final MeterRegistry meters;
    private final Timer delay;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, TopicProvisioner topic, PublishingSettings settings,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.settings = settings;
        this.meters = meters;
        this.delay = Timer.builder("ledger.publish.delay")
                .description("Time from an event's occurrence to the broker's acknowledgement of it")
                .register(meters);
    }

    @EventHandler
    void publish(LedgerEvent event) {
        topic.ensureTopicExists();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), event.regimeId().value(),
                LedgerJson.mapper().writeValueAsBytes(event));
        header(record, LedgerTopic.TYPE_HEADER, typeName(event));
        header(record, LedgerTopic.REVISION_HEADER, event.getClass().getAnnotation(Revision.class).value());
        header(record, LedgerTopic.SEQUENCE_HEADER, Long.toString(event.sequence()));
        CompletableFuture<SendResult<String, byte[]>> sent = kafka.send(record).whenComplete((result, failure) -> {
            if (failure == null) {
                delay.record(Duration.between(event.occurredAt(), Instant.now()));
                meters.counter("ledger.publish.events", "type", typeName(event)).increment();
            } else {
                meters.counter("ledger.publish.failures", "type", typeName(event)).increment();
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

    private static String typeName(LedgerEvent event) {
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
