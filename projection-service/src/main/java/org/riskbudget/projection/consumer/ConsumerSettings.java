package org.riskbudget.projection.consumer;

import java.time.Duration;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection consumes the events topic. Connection settings (bootstrap servers, security) are Boot's
 * {@code spring.kafka.*}.
 *
 * @param topic              the events topic
 * @param group              the consumer group; instances of the projection share it and split the partitions
 * @param createTopic        whether to create the topic when it is missing (with infinite retention: the topic is
 *                           the replayable copy of the log a rebuild reads from the beginning); an existing topic
 *                           is never changed
 * @param topicPartitions    partitions of a created topic; the same as the ledger creates it with
 * @param topicReplicas      replicas of a created topic
 * @param maxPollRecords     the most records one batch (one transaction) holds; a consumer that is up to date
 *                           gets only what has arrived, so only a replay or a catch-up fills its batches, and there
 *                           fewer, larger transactions are what makes it fast
 * @param pollTimeout        how long one poll waits for records
 * @param retryBackoffFirst  how long a stalled or failed partition waits before its first retry
 * @param retryBackoffMax    the longest wait between retries; the wait doubles up to it
 * @param stopTimeout        how long stopping waits for the batch in flight
 */
@ConfigurationProperties("projection.consumer")
record ConsumerSettings(
        @DefaultValue(LedgerTopic.DEFAULT_NAME) String topic,
        @DefaultValue("projection-service") String group,
        @DefaultValue("true") boolean createTopic,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("5000") int maxPollRecords,
        @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("200ms") Duration retryBackoffFirst,
        @DefaultValue("10s") Duration retryBackoffMax,
        @DefaultValue("30s") Duration stopTimeout) {

    ConsumerSettings {
        if (maxPollRecords < 1 || maxPollRecords > 10_000) {
            throw new IllegalArgumentException("projection.consumer.max-poll-records must be 1 to 10000");
        }
        if (retryBackoffFirst.isNegative() || retryBackoffMax.compareTo(retryBackoffFirst) < 0) {
            throw new IllegalArgumentException("projection.consumer.retry-backoff-max must be at least the first");
        }
    }
}
