package org.riskbudget.projection.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.riskbudget.projection.apply.BatchApplier;
import org.riskbudget.projection.apply.BatchResult;
import org.riskbudget.projection.apply.ProjectionState;
import org.riskbudget.projection.apply.Stall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one thread that reads the events topic. Per poll: apply the batch in one transaction (which also moves each
 * regime's last applied sequence and hash), then hold stalled partitions at their first held-back record, tell the
 * listeners, and only then commit the offsets to Kafka, each tagged with the read model's rebuild generation.
 * <p>
 * A crash between the transaction and the commit re-delivers the batch, and de-duplication by (regime, sequence)
 * skips it: exactly-once effect. A stalled partition is paused and retried with a doubling, bounded back-off; it
 * moves on only when the missing event has arrived. A rebuild (a new generation) sends every consumer of the group
 * back to the beginning of its partitions.
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerSettings settings;
    private final KafkaProperties kafka;
    private final TransactionTemplate transactions;
    private final BatchApplier applier;
    private final ProjectionState state;
    private final List<ProjectionListener> listeners;
    private final ProjectionMetrics metrics;
    private final ConsumerStatus status;
    private final ConsumerLag lag;
    private final Clock clock;

    private volatile Consumer<byte[], byte[]> consumer;
    /** Consumer thread only, like the rest below. */
    private PartitionPauses pauses;
    private volatile boolean running;
    private volatile Thread thread;
    /** The rebuild generation this consumer's positions belong to; consumer thread only. */
    private long generation;
    private Duration failureWait;

    ProjectionConsumer(ConsumerSettings settings, KafkaProperties kafka, TransactionTemplate transactions,
            BatchApplier applier, ProjectionState state, List<ProjectionListener> listeners,
            ProjectionMetrics metrics, ConsumerStatus status, ConsumerLag lag, Clock clock) {
        this.settings = settings;
        this.kafka = kafka;
        this.transactions = transactions;
        this.applier = applier;
        this.state = state;
        this.listeners = List.copyOf(listeners);
        this.metrics = metrics;
        this.status = status;
        this.lag = lag;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        status.running(true);
        thread = new Thread(this::run, "projection-consumer");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread consuming = thread;
        LockSupport.unpark(consuming);
        try {
            consuming.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (consuming.isAlive()) {
            log.warn("The projection consumer did not stop within {}", settings.stopTimeout());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Interrupts a poll in progress, so a rebuild or a stop is seen at once rather than after the poll timeout. */
    public void wakeUp() {
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        if (settings.createTopic()) {
            EventsTopic.createIfMissing(kafka.buildAdminProperties(), settings, this::isRunning);
        }
        KafkaConsumer<byte[], byte[]> kafkaConsumer = createConsumer();
        try {
            consumer = kafkaConsumer;
            pauses = new PartitionPauses(kafkaConsumer, settings.retryBackoffFirst(), settings.retryBackoffMax());
            generation = state.generation();
            kafkaConsumer.subscribe(List.of(settings.topic()), new Rebalance());
            log.info("Consuming {} as group {} (rebuild generation {})", settings.topic(), settings.group(),
                    generation);
            while (running) {
                try {
                    pollOnce();
                    failureWait = null;
                    status.succeeded();
                } catch (WakeupException woken) {
                    // Stopping or rebuilding: the loop and the next poll look at both.
                } catch (RuntimeException failure) {
                    waitAfter(failure);
                }
            }
        } catch (RuntimeException fatal) {
            log.error("The projection consumer stopped", fatal);
        } finally {
            consumer = null;
            // Bounded: with the broker already gone, leaving the group would otherwise wait its default 30 s.
            kafkaConsumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            lag.reset();
            status.running(false);
        }
    }

    private KafkaConsumer<byte[], byte[]> createConsumer() {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        // Offsets are committed by hand, after the read model's transaction committed.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void pollOnce() {
        long current = state.generation();
        if (current != generation) {
            replayFromBeginning(current);
        }
        pauses.resumeDue(clock.instant());
        ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
        if (!records.isEmpty()) {
            process(RecordBatch.read(records));
        }
        lag.measure(consumer);
    }

    private void process(RecordBatch batch) {
        Instant now = clock.instant();
        long batchGeneration = generation;
        BatchResult result;
        try {
            result = transactions.execute(transaction -> state.lockedGeneration() == batchGeneration
                    ? applier.apply(batch.events(), now) : null);
        } catch (RuntimeException failure) {
            log.error("A batch of {} events failed and will be retried", batch.events().size(), failure);
            metrics.failedBatch();
            batch.firstOffsets().forEach((partition, offset) -> {
                pauses.holdAt(partition, offset, now);
                status.stalled(partition, "retrying a failed batch: " + failure.getMessage());
            });
            return;
        }
        if (result == null) {
            return; // a rebuild began after this batch was polled: the next poll starts over from the beginning
        }
        Map<TopicPartition, OffsetAndMetadata> commits = holdStalledPartitions(batch, result, now);
        metrics.record(result, batch.unreadableOffsets().size(), now);
        tellListeners(result);
        consumer.commitSync(commits);
    }

    /**
     * Seeks every stalled partition back to its first held-back record (before the commit, so a wake-up during
     * the commit cannot leave it behind) and pauses it; the rest flow on. Answers the offsets to commit.
     */
    private Map<TopicPartition, OffsetAndMetadata> holdStalledPartitions(RecordBatch batch, BatchResult result,
            Instant now) {
        Map<TopicPartition, Long> resumeAt = new HashMap<>(batch.unreadableOffsets());
        Map<TopicPartition, StringBuilder> why = new HashMap<>();
        batch.unreadableOffsets().forEach((partition, offset) ->
                why.computeIfAbsent(partition, p -> new StringBuilder()).append("unreadable record at offset ")
                        .append(offset).append("; "));
        for (Stall stall : result.stalls()) {
            TopicPartition partition = new TopicPartition(settings.topic(), stall.partition());
            resumeAt.merge(partition, stall.offset(), Math::min);
            why.computeIfAbsent(partition, p -> new StringBuilder()).append(describe(stall)).append("; ");
            if (result.newStalls().contains(stall)) {
                log.error("Not applying regime {}: {} at {} offset {}; its partition waits for the missing event",
                        stall.regimeId(), describe(stall), partition, stall.offset());
            } else {
                log.warn("Still waiting in regime {}: {}", stall.regimeId(), describe(stall));
            }
        }
        String metadata = Long.toString(generation);
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        batch.nextOffsets().forEach((partition, next) -> {
            Long stalledAt = resumeAt.get(partition);
            if (stalledAt == null) {
                pauses.flowing(partition);
                status.flowing(partition);
                commits.put(partition, new OffsetAndMetadata(next, metadata));
            } else {
                pauses.holdAt(partition, stalledAt, now);
                status.stalled(partition, why.get(partition).toString().trim());
                commits.put(partition, new OffsetAndMetadata(stalledAt, metadata));
            }
        });
        return commits;
    }

    private static String describe(Stall stall) {
        return stall.kind() == Stall.Kind.GAP
                ? "event " + stall.expectedSequence() + " is missing (received " + stall.receivedSequence() + ")"
                : "event " + stall.receivedSequence() + " does not link to the last applied event";
    }

    private void tellListeners(BatchResult result) {
        if (result.applied().isEmpty()) {
            return;
        }
        for (ProjectionListener listener : listeners) {
            try {
                listener.applied(result.applied());
            } catch (RuntimeException failure) {
                // The batch is committed: a listener's failure must not make it look failed or hold the topic.
                log.error("Listener {} failed on applied events", listener, failure);
            }
        }
    }

    private void replayFromBeginning(long newGeneration) {
        Set<TopicPartition> assigned = consumer.assignment();
        log.info("The read model was reset (rebuild generation {}): replaying {} from the beginning", newGeneration,
                assigned);
        generation = newGeneration;
        consumer.seekToBeginning(assigned);
        pauses.releaseAll();
        status.clearStalls();
        for (ProjectionListener listener : listeners) {
            listener.reset();
        }
    }

    /**
     * Something outside a batch failed (the database is unreachable, a commit lost to a rebalance): wait, doubling
     * up to the maximum, so a lasting outage is retried without spinning; a stop cuts the wait short.
     */
    private void waitAfter(RuntimeException failure) {
        failureWait = failureWait == null ? settings.retryBackoffFirst()
                : min(failureWait.multipliedBy(2), settings.retryBackoffMax());
        log.error("The projection consumer failed; retrying in {}", failureWait, failure);
        status.failed(failure, clock.instant());
        LockSupport.parkNanos(failureWait.toNanos());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Partitions given to this consumer whose committed offsets belong to an older read model start over. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                pauses.flowing(partition);
                status.flowing(partition);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            String current = Long.toString(generation);
            Set<TopicPartition> stale = new HashSet<>();
            consumer.committed(new HashSet<>(partitions)).forEach((partition, committed) -> {
                if (committed != null && !current.equals(committed.metadata())) {
                    stale.add(partition);
                }
            });
            if (!stale.isEmpty()) {
                log.info("Offsets of {} belong to an older read model: replaying them from the beginning", stale);
                consumer.seekToBeginning(stale);
            }
        }
    }
}
