package org.riskbudget.ledger.regime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How Axon stores and finds regimes: the public language's JSON, compressed snapshots every N events, a cache of
 * loaded regimes.
 */
@Configuration(proxyBeanMethods = false)
class RegimeConfiguration {

    private static final int SNAPSHOTS_QUEUED = 64;

    /**
     * Events are stored in exactly the JSON the audit chain hashes and the topic carries. Axon's own types (tracking
     * tokens, among them replay tokens with their polymorphic members) may name their classes; nothing else may.
     */
    @Bean
    Jackson3SerializerCustomizer ledgerJsonForAxon() {
        return builder -> LedgerJson.configure(builder).polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.").build());
    }

    @Bean
    SnapshotTriggerDefinition regimeSnapshotTrigger(Snapshotter snapshotter, RegimeSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotEveryEvents());
    }

    /** Commands name their regime in the public language, without framework annotations. */
    @Bean
    CommandTargetResolver regimeCommandTargetResolver() {
        return command -> new VersionedAggregateIdentifier((Object) ((LedgerCommand) command.getPayload()).regimeId().value(),
                null);
    }

    /**
     * Snapshots are serialised from the regime in memory and stored on a thread of their own: stored in the command's
     * thread they needed a second connection, and with every pooled connection held by commands waiting for the
     * regime, the snapshot waited for the pool's timeout. A snapshot finding the queue full is dropped; the next one
     * due is taken all the same.
     */
    @Bean
    Snapshotter regimeSnapshotter(RegimeCache regimeCache, EventStore eventStore,
            CompressedSnapshots compressedSnapshots) {
        ThreadPoolExecutor storing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SNAPSHOTS_QUEUED), daemonThreads("regime-snapshot-"),
                new ThreadPoolExecutor.AbortPolicy());
        return new RegimeSnapshotter(regimeCache, eventStore, compressedSnapshots, storing);
    }

    /** How snapshots are written and read: Axon's JSON, compressed. */
    @Bean
    CompressedSnapshots compressedSnapshots(Serializer serializer) {
        return new CompressedSnapshots((Jackson3Serializer) serializer);
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it, except for the serializer of snapshots, which
     * compresses them.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
            CompressedSnapshots compressedSnapshots, PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(compressedSnapshots.serializer())
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /** Loaded regimes stay in memory while in use, so a command does not replay the regime's events each time. */
    @Bean
    RegimeCache regimeCache(RegimeSettings settings) {
        return new RegimeCache(settings.cachedRegimes());
    }

    /** Daemon threads: a snapshot cut short by shutdown is simply not stored, and nothing waits for it. */
    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
