package org.riskbudget.ledger.storage;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Transactions and conflicts of the event store. Declared here for the same reason as the data source: Axon's
 * auto-configuration, which wraps the transaction manager around every command, only sees beans declared before
 * it runs; without this a command's events and its idempotency record would not commit together.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
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
