package org.riskbudget.ledger.regime;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.riskbudget.contracts.error.LedgerException;

/**
 * Loaded regimes, strongly held up to a bound and evicted least-recently-used beyond it. Axon's weak-reference cache
 * let any garbage collection drop a hot regime, and the next command then reloaded it from its snapshot, under the
 * regime's lock.
 * <p>
 * Axon drops a regime from its cache whenever a unit of work that used it rolls back. A refused command rolls back
 * too, yet leaves the regime as it found it: its handler checks every rule before applying any event. So a refusal
 * keeps the regime cached; otherwise a client whose commands are refused one by one would have a large regime
 * reloaded for each of them. Every other rollback (a failure, a conflict with another instance, a failed batch)
 * still drops it.
 */
final class RegimeCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> regimes;

    RegimeCache(long maximumRegimes) {
        regimes = Caffeine.newBuilder().maximumSize(maximumRegimes).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) regimes.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        regimes.put(key, value);
    }

    /**
     * The regime held under the id, with its version, or null. Axon caches an entry that keeps the aggregate itself
     * beside its serialisable parts; for an entry made in this process, as every entry here is, asking it to
     * recreate the aggregate hands back that very aggregate and uses none of the arguments.
     */
    EventSourcedAggregate<?> loaded(String regimeId) {
        AggregateCacheEntry<?> cached = get(regimeId);
        return cached == null ? null : cached.recreateAggregate(null, null, null, null);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return regimes.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) regimes.get(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        regimes.asMap().computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return !rollingBackARefusal() && regimes.asMap().remove(key) != null;
    }

    private static boolean rollingBackARefusal() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.phase() == UnitOfWork.Phase.ROLLBACK && unitOfWork.getExecutionResult() != null
                && unitOfWork.getExecutionResult().getExceptionResult() instanceof LedgerException;
    }

    @Override
    public void removeAll() {
        regimes.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return regimes.asMap().containsKey(key);
    }

    /** Nothing in the ledger listens to its regime cache, and eviction here is silent by design. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the regime cache takes no entry listeners");
    }
}
