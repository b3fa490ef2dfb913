package org.riskbudget.projection.rebuild;

import java.time.Clock;
import org.riskbudget.projection.apply.ProjectionState;
import org.riskbudget.projection.consumer.ProjectionConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild: empty the read model under a new generation (waiting for the batch in flight, which holds the
 * generation), then wake the consumer, which sees the new generation, seeks to the beginning of the topic and
 * replays it. Other instances of the group see the generation on their next poll and do the same. The read model
 * converges to the same answers because applying the same events is deterministic.
 */
@Component
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ProjectionState state;
    private final ProjectionConsumer consumer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Rebuilds(ProjectionState state, ProjectionConsumer consumer, TransactionTemplate transactions, Clock clock) {
        this.state = state;
        this.consumer = consumer;
        this.transactions = transactions;
        this.clock = clock;
    }

    long start() {
        long generation = transactions.execute(transaction -> state.reset(clock.instant()));
        log.info("Read model emptied for rebuild generation {}; replaying the events topic", generation);
        consumer.wakeUp();
        return generation;
    }
}
