package org.riskbudget.ledger.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the event store tells a conflict from a failure. */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * PostgreSQL reports a unique violation as SQL state 23505, also inside a batch; Axon turns it into "regime
     * already exists" for a first event and into a concurrency conflict, retried, for later ones.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolation() {
        return new SQLStateResolver("23505");
    }
}
