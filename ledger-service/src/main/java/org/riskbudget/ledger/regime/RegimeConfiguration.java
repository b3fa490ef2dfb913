package org.riskbudget.ledger.regime;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon stores and finds regimes: the public language's JSON, snapshots every N events, a cache of loaded regimes. */
@Configuration(proxyBeanMethods = false)
class RegimeConfiguration {

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

    /** Loaded regimes stay in memory while in use, so a command does not replay the regime's events each time. */
    @Bean
    Cache regimeCache() {
        return new WeakReferenceCache();
    }
}
