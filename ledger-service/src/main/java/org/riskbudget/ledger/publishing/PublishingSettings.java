package org.riskbudget.ledger.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how stored events are published.
 *
 * @param topic              the events topic (see {@code LedgerTopic})
 * @param partitions         partitions of the topic when this service creates it; regimes spread over them by key
 * @param replicationFactor  copies of each partition; 3 on a real cluster, 1 on a single broker
 * @param acknowledgementTimeout how long a batch waits for the broker's acknowledgements before it is retried
 */
@ConfigurationProperties("ledger.publishing")
record PublishingSettings(@DefaultValue("ledger-events") String topic, @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor, @DefaultValue("30s") Duration acknowledgementTimeout) {}
