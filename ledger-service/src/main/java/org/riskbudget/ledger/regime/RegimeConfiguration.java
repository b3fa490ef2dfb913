package org.riskbudget.ledger.regime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon stores and finds regimes: the public language's JSON, snapshots every N events, a cache of loaded regimes. */
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
     * Snapshots are taken after the triggering command committed, on a thread of their own. Taken in the command's
     * thread they held the regime's lock while serialising the whole regime, and needed a second connection: with
     * every pooled connection held by commands waiting for that lock, the snapshot waited for the pool's timeout.
     * A request finding the queue full is dropped; the next trigger asks again.
     */
    @Bean
    SpringAggregateSnapshotterFactoryBean regimeSnapshotter() {
        ThreadPoolExecutor snapshots = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SNAPSHOTS_QUEUED), daemonThreads("regime-snapshot-"),
                new ThreadPoolExecutor.DiscardPolicy());
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshots);
        return snapshotter;
    }

    /** Loaded regimes stay in memory while in use, so a command does not replay the regime's events each time. */
    @Bean
    Cache regimeCache(RegimeSettings settings) {
        return new RegimeCache(settings.cachedRegimes());
    }

    /** Daemon threads: a snapshot cut short by shutdown is simply not stored, and nothing waits for it. */
    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
