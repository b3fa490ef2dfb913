package org.riskbudget.ledger.regime;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Loaded regimes, strongly held up to a bound and evicted least-recently-used beyond it. Axon's weak-reference cache
 * let any garbage collection drop a hot regime, and the next command then reloaded it from its snapshot: seconds for a
 * regime with a long history, under the regime's lock.
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
        return regimes.asMap().remove(key) != null;
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
