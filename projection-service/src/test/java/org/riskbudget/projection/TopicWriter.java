package org.riskbudget.projection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.riskbudget.standalone.KafkaBroker;

/**
 * Publishes events exactly as the ledger does (the topic contract in {@link LedgerTopic}): key the regime id,
 * value the event's JSON from {@code LedgerJson}, headers type, revision and sequence; idempotent, acks=all.
 */
final class TopicWriter implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    TopicWriter(String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // One request in flight: on a topic created a moment ago, a first batch refused by a partition still
                // without a leader was overtaken by the next ones, which the broker then took as out of sequence.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the events in order and returns once the broker acknowledged every one. */
    void send(List<? extends LedgerEvent> events) {
        List<Future<RecordMetadata>> sent = events.stream().map(this::sendAsync).toList();
        for (Future<RecordMetadata> acknowledgement : sent) {
            try {
                acknowledgement.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge an event", e);
            }
        }
    }

    void send(LedgerEvent... events) {
        send(List.of(events));
    }

    /** Sends raw bytes under a regime's key: what a broken publisher could put on the topic. */
    void sendRaw(String regimeId, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, regimeId, value)).get(30, TimeUnit.SECONDS);
    }

    private Future<RecordMetadata> sendAsync(LedgerEvent event) {
        byte[] value = LedgerJson.mapper().writeValueAsBytes(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.regimeId().value(), value);
        record.headers().add(LedgerTopic.TYPE_HEADER,
                LedgerJson.mapper().readTree(value).get("type").asString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(LedgerTopic.REVISION_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(LedgerTopic.SEQUENCE_HEADER,
                Long.toString(event.sequence()).getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
