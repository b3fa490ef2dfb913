package org.riskbudget.ledger.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The event store's transactions, and how it tells a conflict from a failure. */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * Axon's units of work run in Spring transactions, nested as savepoints when one is already open: the commands
     * of a batch share one transaction, and a refused command rolls back to its savepoint without touching the rest.
     * Without an open transaction, nested behaves as a new one.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SavepointTransactionManager(transactions);
    }

    /**
     * PostgreSQL reports a unique violation as SQL state 23505, also inside a batch; Axon turns it into "regime
     * already exists" for a first event and into a concurrency conflict, retried, for later ones.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolation() {
        return new SQLStateResolver("23505");
    }
}
