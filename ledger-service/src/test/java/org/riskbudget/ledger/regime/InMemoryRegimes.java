package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regimes in a plain Axon configuration, in memory: the real aggregate, its real command target resolver, the
 * production cache, an in-memory event store and a fixed clock. Without Spring the
 * {@code @Aggregate} stereotype's bean names mean nothing, so the resolver and cache are configured here; no
 * snapshots are taken. {@link #state} loads a regime afresh from its events, bypassing the cache, so that what
 * is compared at the end is what the log makes of the regime.
 * <p>
 * One configuration serves a whole property (starting one per try would cost more than the tries); {@link #reset}
 * gives each try an empty event store and an empty cache.
 */
final class InMemoryRegimes implements AutoCloseable {

    /** The clock every command handler reads; cases whose window ends before it may expire. */
    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    /** The regime's JSON with every member's fields named, cases too (a snapshot keeps them positional). */
    private static final JsonMapper FIELDS_BY_NAME = LedgerJson.configure(JsonMapper.builder())
            .addMixIn(SafetyCaseRecord.class, FieldsByName.class).addMixIn(Regime.class, CasesByName.class).build();

    private final StorePerTry store = new StorePerTry();
    private final RegimeCache cache = new RegimeCache(64);
    private final Configuration configuration;
    private final Repository<Regime> uncached;

    InMemoryRegimes() {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Regime.class)
                        .configureCommandTargetResolver(c -> new RegimeConfiguration().regimeCommandTargetResolver())
                        .configureCache(c -> cache))
                .configureEmbeddedEventStore(c -> store)
                // Handlers take a Clock and the recorded assessments; Axon's default
                // ConfigurationParameterResolverFactory resolves a handler parameter from the configuration's
                // components by type.
                .registerComponent(Clock.class, c -> Clock.fixed(NOW, ZoneOffset.UTC))
                .registerComponent(RecordedAssessments.class, c -> new RecordedAssessments(c.eventStore()))
                .start();
        uncached = EventSourcingRepository.builder(Regime.class)
                .eventStore(configuration.eventStore())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(Regime.class))
                .build();
    }

    void reset() {
        store.reset();
        cache.removeAll();
    }

    CommandResult send(LedgerCommand command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    /** How many events the regime's stream holds. */
    long eventCount(RegimeId regimeId) {
        return store.lastSequenceNumberFor(regimeId.value()).map(last -> last + 1).orElse(0L);
    }

    /** The regime's events from the one with sequence {@code fromSequence} (1-based, as events number themselves). */
    List<LedgerEvent> events(RegimeId regimeId, long fromSequence) {
        return store.readEvents(regimeId.value(), fromSequence - 1).asStream()
                .map(message -> (LedgerEvent) message.getPayload())
                .toList();
    }

    /**
     * The regime as the ledger loads it (replaying its events, so the invariant is asserted once more), as the
     * JSON of its snapshot form: the aggregate's fields, private ones included, without reflection.
     */
    JsonNode state(RegimeId regimeId) {
        return FIELDS_BY_NAME.valueToTree(load(regimeId));
    }

    /** The regime the cache holds, as {@link #state} shows it; null when it holds none. */
    JsonNode cachedState(RegimeId regimeId) {
        EventSourcedAggregate<?> cached = cache.loaded(regimeId.value());
        return cached == null ? null : FIELDS_BY_NAME.valueToTree(cached.getAggregateRoot());
    }

    /** The regime written as its snapshot and read back, as {@link #state} shows it. */
    JsonNode stateReadBackFromSnapshot(RegimeId regimeId) {
        byte[] snapshot = LedgerJson.mapper().writeValueAsBytes(load(regimeId));
        return FIELDS_BY_NAME.valueToTree(LedgerJson.mapper().readValue(snapshot, Regime.class));
    }

    private Regime load(RegimeId regimeId) {
        // A command message, as the repository expects to load within the handling of one.
        DefaultUnitOfWork<Message<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("load the regime"));
        try {
            return uncached.load(regimeId.value()).invoke(regime -> {
                LedgerInvariant.assertBalanced(regime);
                return regime;
            });
        } finally {
            unitOfWork.rollback();
        }
    }

    @Override
    public void close() {
        configuration.shutdown();
    }

    /**
     * An in-memory store, emptied per try, that keeps the unique key (aggregate, sequence) a real event store
     * has. Axon's in-memory engine does not: without this, opening a regime twice would append a second first
     * event instead of failing as it does on PostgreSQL, with AggregateStreamCreationException.
     */
    private static final class StorePerTry implements EventStorageEngine {

        private volatile InMemoryEventStorageEngine current = new InMemoryEventStorageEngine();

        void reset() {
            current = new InMemoryEventStorageEngine();
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            Map<String, Long> next = new HashMap<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    String aggregate = domainEvent.getAggregateIdentifier();
                    long expected = next.computeIfAbsent(aggregate,
                            id -> current.lastSequenceNumberFor(id).map(last -> last + 1).orElse(0L));
                    if (domainEvent.getSequenceNumber() != expected) {
                        if (domainEvent.getSequenceNumber() == 0) {
                            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier ["
                                    + aggregate + "]: identifiers need to be unique");
                        }
                        throw new ConcurrencyException("An event for aggregate [" + aggregate + "] at sequence ["
                                + domainEvent.getSequenceNumber() + "] was already inserted");
                    }
                    next.put(aggregate, expected + 1);
                }
            }
            current.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            current.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return current.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return current.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return current.readSnapshot(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return current.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return current.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return current.createTokenAt(dateTime);
        }
    }

    /** The regime's cases as a map by case id, instead of the arrays a snapshot writes. */
    private abstract static class CasesByName {

        @JsonSerialize(using = ValueSerializer.None.class)
        private Map<String, SafetyCaseRecord> cases;
    }

    /** The record's fields by name. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonSerialize(using = ValueSerializer.None.class)
    private interface FieldsByName {}
}
