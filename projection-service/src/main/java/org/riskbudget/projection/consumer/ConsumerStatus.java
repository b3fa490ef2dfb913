package org.riskbudget.projection.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/** What the consumer is doing, as the health indicator reports it: written by the consumer thread, read by others. */
@Component
final class ConsumerStatus {

    private final Map<TopicPartition, String> stalls = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile String failure;

    void running(boolean running) {
        this.running = running;
    }

    void stalled(TopicPartition partition, String why) {
        stalls.put(partition, why);
    }

    void flowing(TopicPartition partition) {
        stalls.remove(partition);
    }

    void clearStalls() {
        stalls.clear();
    }

    void failed(Exception cause, Instant at) {
        failure = at + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void succeeded() {
        failure = null;
    }

    boolean isRunning() {
        return running;
    }

    String failure() {
        return failure;
    }

    /** Stalled partitions by name, sorted so the health report reads the same each time. */
    Map<String, String> stalls() {
        Map<String, String> sorted = new TreeMap<>();
        stalls.forEach((partition, why) -> sorted.put(partition.toString(), why));
        return sorted;
    }
}
