package org.riskbudget.ledger.publishing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the events topic before the first publication, not at start-up: the ledger must start and take commands
 * while the broker is down, and a topic that could not be created at start-up would otherwise never be. A failure
 * here fails the batch, which is retried.
 * <p>
 * An existing topic is left exactly as it is. In particular its partitions are never added to: that would move
 * regimes to other partitions, and a consumer could then read a regime's new events before its old ones.
 */
@Component
class TopicProvisioner {

    private static final long TIMEOUT_MS = 10_000;

    private final Map<String, Object> adminConfiguration;
    private final NewTopic topic;
    private volatile boolean provisioned;

    TopicProvisioner(KafkaAdmin admin, PublishingSettings settings) {
        this.adminConfiguration = admin.getConfigurationProperties();
        this.topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor())
                // The topic is a replayable copy of the log: nothing is ever deleted from it.
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    void ensureTopicExists() {
        if (provisioned) {
            return;
        }
        try (AdminClient client = AdminClient.create(adminConfiguration)) {
            client.createTopics(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the events topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + TIMEOUT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the events topic", e);
        }
        provisioned = true;
    }
}
