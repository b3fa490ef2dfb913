package org.riskbudget.ledger.batching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How commands on one regime are coalesced into shared transactions.
 *
 * @param maxBatchSize        the most commands one transaction carries
 * @param maxQueuedPerRegime  commands waiting for one regime before new ones are refused as UNAVAILABLE
 * @param workerThreads       regimes worked on at the same time
 * @param maxConflictRetries  attempts of a command whose regime another instance changed at the same moment
 */
@ConfigurationProperties("ledger.batching")
record BatchingSettings(@DefaultValue("64") int maxBatchSize, @DefaultValue("10000") int maxQueuedPerRegime,
        @DefaultValue("4") int workerThreads, @DefaultValue("5") int maxConflictRetries) {

    BatchingSettings {
        if (maxBatchSize < 1 || maxQueuedPerRegime < 1 || workerThreads < 1 || maxConflictRetries < 1) {
            throw new IllegalArgumentException("ledger.batching limits must be positive");
        }
    }
}
