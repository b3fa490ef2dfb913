package org.riskbudget.ledger.regime;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a regime's snapshot from the regime in memory, right after the transaction that made one due committed,
 * and stores the bytes on a thread of its own. Axon's own snapshotter rebuilt a second copy of the regime from the
 * store on its thread: for a regime with a million events that needed twice the regime's memory and ran out of heap.
 * <p>
 * Serialising reads the regime while nothing changes it: every command on a regime runs on the thread that holds
 * the regime in the batcher, and the commit's handlers run on that thread before it lets go. Serialising a large
 * regime takes a while, during which its commands wait, so a regime is serialised at most once per
 * {@value #PAUSE_FACTOR} times as long as its last serialisation took: at most a tenth of its time.
 */
final class RegimeSnapshotter implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(RegimeSnapshotter.class);
    static final int PAUSE_FACTOR = 9;

    private final RegimeCache regimes;
    private final EventStore eventStore;
    private final CompressedSnapshots serializer;
    private final Executor storing;
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    /**
     * @param serializer the event store's snapshot serializer: the message then hands the engine these very bytes
     * @param storing    where the serialised snapshots are compressed and written to the store
     */
    RegimeSnapshotter(RegimeCache regimes, EventStore eventStore, CompressedSnapshots serializer, Executor storing) {
        this.regimes = regimes;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.storing = storing;
    }

    /**
     * Called while a command's unit of work commits, or cleans up after loading a regime: the snapshot is taken once
     * the outermost unit of work, the batch's, has committed, and not at all if it rolled back.
     */
    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String regimeId) {
        if (!CurrentUnitOfWork.isStarted()) {
            capture(regimeId);
            return;
        }
        UnitOfWork<?> outermost = CurrentUnitOfWork.get().root();
        if (outermost.phase().isBefore(UnitOfWork.Phase.AFTER_COMMIT)) {
            outermost.afterCommit(committed -> capture(regimeId));
        } else if (!outermost.isRolledBack()) {
            capture(regimeId);
        }
    }

    private void capture(String regimeId) {
        // Absent when a rollback dropped the regime: it is then not known to hold committed state only.
        EventSourcedAggregate<?> regime = regimes.loaded(regimeId);
        Pace pace = paces.computeIfAbsent(regimeId, id -> new Pace());
        long startNs = System.nanoTime();
        if (regime == null || !pace.start(startNs)) {
            return;
        }
        SerializedObject<byte[]> json = serializer.json(regime.getAggregateRoot());
        pace.serialised(System.nanoTime() - startNs);
        String type = regime.type();
        long sequence = regime.version();
        try {
            storing.execute(() -> store(type, regimeId, sequence, json, pace));
        } catch (RejectedExecutionException full) {
            pace.stored();
        }
    }

    private void store(String type, String regimeId, long sequence, SerializedObject<byte[]> json, Pace pace) {
        try {
            eventStore.storeSnapshot(new GenericDomainEventMessage<>(type, regimeId, sequence,
                    new SerializedMessage<>(IdentifierFactory.getInstance().generateIdentifier(),
                            serializer.compress(json),
                            serializer.serializer().serialize(MetaData.emptyInstance(), byte[].class),
                            serializer.serializer()), Instant.now()));
        } catch (RuntimeException failure) {
            // A lost snapshot costs only a longer load: the next one due is taken all the same.
            log.warn("The snapshot of regime {} at sequence {} was not stored", regimeId, sequence, failure);
        } finally {
            pace.stored();
        }
    }

    /** When a regime may be serialised again: one snapshot in flight at a time, and pauses after each. */
    private static final class Pace {

        private boolean inFlight;
        private long notBeforeNs = System.nanoTime();
        private long startedNs;

        synchronized boolean start(long nowNs) {
            if (inFlight || nowNs - notBeforeNs < 0) {
                return false;
            }
            inFlight = true;
            startedNs = nowNs;
            return true;
        }

        synchronized void serialised(long tookNs) {
            notBeforeNs = startedNs + tookNs + PAUSE_FACTOR * tookNs;
        }

        synchronized void stored() {
            inFlight = false;
        }
    }
}
