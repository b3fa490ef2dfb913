package org.riskbudget.ledger.storage;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
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
     * The event store's connection is the Spring transaction's, and only that transaction (or its savepoint) ends
     * it. Axon's default wraps it in a provider that ties the connection to the unit of work which first asked for
     * it and rolls the whole connection back with that one: in a batch, a refused command that was the first to
     * read the store undid the commands before it while the batch still committed and acknowledged them.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
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
