package org.riskbudget.ledger.publishing;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the events topic before the first publication, not at start-up: the ledger must start and take commands
 * while the broker is down, and a topic that could not be created at start-up would otherwise never be. A failure
 * here fails the batch, which is retried.
 */
@Component
class TopicProvisioner {

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean provisioned;

    TopicProvisioner(KafkaAdmin admin, PublishingSettings settings) {
        this.admin = admin;
        this.topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor())
                // The topic is a replayable copy of the log: nothing is ever deleted from it.
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    void ensureTopicExists() {
        if (!provisioned) {
            admin.createOrModifyTopics(topic);
            provisioned = true;
        }
    }
}
