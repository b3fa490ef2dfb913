package org.riskbudget.projection.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions held back (at a gap, an unreadable record or a failed batch) and when each may be retried: paused in
 * the Kafka consumer meanwhile, so the others flow on and no thread sleeps. The wait doubles while a partition
 * stays held, up to the maximum, and starts over once it flows. Used by the consumer thread only.
 */
final class PartitionPauses {

    private final Consumer<byte[], byte[]> consumer;
    private final Duration firstWait;
    private final Duration maxWait;
    private final Map<TopicPartition, PartitionBackoff> backoffs = new HashMap<>();

    PartitionPauses(Consumer<byte[], byte[]> consumer, Duration firstWait, Duration maxWait) {
        this.consumer = consumer;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    /** Reads the partition again from {@code offset}, after a wait. */
    void holdAt(TopicPartition partition, long offset, Instant now) {
        consumer.seek(partition, offset);
        PartitionBackoff previous = backoffs.get(partition);
        backoffs.put(partition, previous == null ? PartitionBackoff.first(now, firstWait, maxWait)
                : previous.next(now, maxWait));
        consumer.pause(Set.of(partition));
    }

    /** The partition moved on: its next hold starts with the first wait again. */
    void flowing(TopicPartition partition) {
        backoffs.remove(partition);
    }

    void resumeDue(Instant now) {
        Set<TopicPartition> paused = consumer.paused();
        backoffs.forEach((partition, backoff) -> {
            if (backoff.isDue(now) && paused.contains(partition)) {
                consumer.resume(Set.of(partition));
            }
        });
    }

    void releaseAll() {
        consumer.resume(consumer.paused());
        backoffs.clear();
    }
}
