package org.riskbudget.bench.history;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.riskbudget.bench.harness.Progress;

/**
 * The reference for a rebuild: a plain Kafka consumer reading the whole topic from the beginning and doing nothing
 * with the records but count them and their bytes. It polls as many records at a time as the projection does.
 */
public final class RawTopicRead {

    public record Result(long records, long bytes, double seconds, double recordsPerSecond, double mibPerSecond) {}

    private static final Duration POLL = Duration.ofMillis(500);
    /** The projection's {@code projection.consumer.max-poll-records}. */
    private static final int MAX_POLL_RECORDS = 5000;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RawTopicRead() {}

    public static Result faster(Result first, Result second) {
        return second.recordsPerSecond() > first.recordsPerSecond() ? second : first;
    }

    public static Result read(String bootstrapServers, String topic, long expectedRecords) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long startNs = System.nanoTime();
            long deadlineNs = startNs + TIMEOUT.toNanos();
            long reportNs = startNs;
            while (records < expectedRecords) {
                if (System.nanoTime() - deadlineNs > 0) {
                    throw new IllegalStateException("read only " + records + " of " + expectedRecords + " records in "
                            + TIMEOUT);
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    records++;
                    bytes += record.serializedKeySize() + record.serializedValueSize();
                }
                if (System.nanoTime() - reportNs > 5_000_000_000L) {
                    reportNs = System.nanoTime();
                    Progress.line("rebuild", "raw consumer: %,d of %,d records", records, expectedRecords);
                }
            }
            double seconds = (System.nanoTime() - startNs) / 1e9;
            return new Result(records, bytes, seconds, records / seconds, bytes / seconds / (1024 * 1024));
        }
    }
}
