package org.riskbudget.projection.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the events topic when it is missing, with infinite retention: a rebuild replays the topic from its
 * beginning, so no event may ever age out of it. An existing topic is left exactly as it is; in particular its
 * partitions are never added to (as Spring's {@code KafkaAdmin} would), because that would move regimes to other
 * partitions and break their order.
 */
final class EventsTopic {

    private static final Logger log = LoggerFactory.getLogger(EventsTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How often the wait looks whether the service is stopping, so a stop is not held up by an absent broker. */
    private static final long STOP_CHECK_MS = 200;

    private EventsTopic() {}

    static void createIfMissing(Map<String, Object> adminProperties, ConsumerSettings settings,
            BooleanSupplier stillRunning) {
        NewTopic topic = new NewTopic(settings.topic(), settings.topicPartitions(), settings.topicReplicas())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        Admin admin = Admin.create(adminProperties);
        try {
            KafkaFuture<Void> created = admin.createTopics(Set.of(topic)).all();
            long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
            while (stillRunning.getAsBoolean() && System.nanoTime() < deadlineNs) {
                try {
                    created.get(STOP_CHECK_MS, TimeUnit.MILLISECONDS);
                    log.info("Created topic {} with {} partitions and infinite retention", settings.topic(),
                            settings.topicPartitions());
                    return;
                } catch (TimeoutException notYet) {
                    // look again whether the service is stopping
                }
            }
            log.warn("Could not create topic {} within {}; consuming waits for it", settings.topic(), TIMEOUT);
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof TopicExistsException)) {
                // Not fatal: the consumer waits for the topic, which an operator or the ledger may create.
                log.warn("Could not create topic {}: {}", settings.topic(), failed.getCause().getMessage());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ZERO); // abandons a request still waiting for an absent broker
        }
    }
}
