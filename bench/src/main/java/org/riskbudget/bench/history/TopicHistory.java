package org.riskbudget.bench.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.topic.LedgerTopic;

/**
 * Fills an events topic of its own with valid histories of several regimes, written as ledger-service's publisher
 * writes them (key = regime id, the event's JSON, the type, revision and sequence headers). The regimes are chosen
 * so that each partition carries the same number of them, as many regimes spread by key would.
 */
public final class TopicHistory {

    /** What was written: events and bytes (keys and values), and each regime's last sequence. */
    public record Written(long events, long bytes, Map<String, Long> lastSequences, double seconds) {}

    private TopicHistory() {}

    public static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, LedgerTopic.DEFAULT_PARTITIONS, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"))))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Regime ids, {@code regimes / 6} of them on each partition (rounded up), found by the producer's own hash. */
    public static List<String> regimeIdsSpreadOverPartitions(String prefix, int regimes) {
        int partitions = LedgerTopic.DEFAULT_PARTITIONS;
        int perPartition = (regimes + partitions - 1) / partitions;
        int[] taken = new int[partitions];
        List<String> ids = new ArrayList<>();
        for (int candidate = 0; ids.size() < regimes; candidate++) {
            String id = prefix + "-" + candidate;
            int partition = Utils.toPositive(Utils.murmur2(StoredForm.utf8(id))) % partitions;
            if (taken[partition] < perPartition) {
                taken[partition]++;
                ids.add(id);
            }
        }
        return ids;
    }

    /** Writes {@code events} in all, shared evenly among the regimes, generated in parallel (one regime per task). */
    @SuppressWarnings("try") // the progress ticker reports while the block runs, which never names it
    public static Written write(String bootstrapServers, String topic, List<String> regimeIds, long events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicLong written = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        long startNs = System.nanoTime();
        Instant start = Instant.now().minus(Duration.ofDays(30));
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer());
                Progress.Ticker ticker = Progress.every(5_000, "rebuild", () -> String.format(
                        "writing the topic: %,d of %,d events", written.get(), events))) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int index = 0; index < regimeIds.size(); index++) {
                String regimeId = regimeIds.get(index);
                long share = events / regimeIds.size() + (index < events % regimeIds.size() ? 1 : 0);
                lastSequences.put(regimeId, share);
                tasks.add(workers.submit(() -> {
                    RegimeHistory history = new RegimeHistory(regimeId, share, start);
                    while (history.hasNext()) {
                        LedgerEvent event = history.next();
                        byte[] value = StoredForm.json(event);
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, regimeId, value);
                        record.headers().add(LedgerTopic.TYPE_HEADER, StoredForm.utf8(StoredForm.typeName(event)))
                                .add(LedgerTopic.REVISION_HEADER, StoredForm.utf8(StoredForm.revision(event)))
                                .add(LedgerTopic.SEQUENCE_HEADER, StoredForm.utf8(Long.toString(event.sequence())));
                        bytes.addAndGet(value.length + regimeId.length());
                        producer.send(record, (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                        written.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            producer.flush();
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating the history failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused part of the history", failure.get());
        }
        return new Written(written.get(), bytes.get(), lastSequences, (System.nanoTime() - startNs) / 1e9);
    }
}
