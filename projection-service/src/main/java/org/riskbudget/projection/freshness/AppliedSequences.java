package org.riskbudget.projection.freshness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.projection.apply.AppliedEvent;
import org.riskbudget.projection.consumer.ProjectionListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last sequence applied per regime, advanced by the consumer after each commit, which wakes the reads waiting
 * for it; also published as the gauge {@code projection.regime.last.sequence}. The read model itself stays the
 * truth: a read first asks it, and asks it again before giving up, so a sequence applied by another instance of
 * the group is found too, if not as promptly.
 */
@Component
public class AppliedSequences implements ProjectionListener {

    /** Bounds the gauges registered at start; regimes beyond it get theirs when their next event is applied. */
    private static final int MAX_REGIMES_AT_START = 10_000;

    private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Semaphore waiters;
    private final FreshnessSettings settings;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;

    AppliedSequences(FreshnessSettings settings, JdbcTemplate jdbc, MeterRegistry registry) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.registry = registry;
        this.waiters = new Semaphore(settings.maxWaiters());
    }

    /**
     * Returns once the regime's last applied sequence is at least {@code minSequence}, or answers 503
     * SEQUENCE_NOT_YET_APPLIED after the configured wait. Zero never waits.
     */
    public void await(RegimeId regimeId, long minSequence) {
        if (minSequence <= 0 || storedSequence(regimeId) >= minSequence) {
            return;
        }
        if (!waiters.tryAcquire()) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "too many reads are waiting for sequences");
        }
        try {
            if (!awaitApplied(regimeId.value(), minSequence) && storedSequence(regimeId) < minSequence) {
                throw new LedgerException(LedgerErrorCode.SEQUENCE_NOT_YET_APPLIED, "regime " + regimeId.value()
                        + " has not reached sequence " + minSequence + " within " + settings.minSequenceWait());
            }
        } finally {
            waiters.release();
        }
    }

    private boolean awaitApplied(String regimeId, long minSequence) {
        long remainingNs = settings.minSequenceWait().toNanos();
        lock.lock();
        try {
            while (lastSequences.getOrDefault(regimeId, 0L) < minSequence) {
                if (remainingNs <= 0) {
                    return false;
                }
                remainingNs = advanced.awaitNanos(remainingNs);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "interrupted while waiting for a sequence");
        } finally {
            lock.unlock();
        }
    }

    private long storedSequence(RegimeId regimeId) {
        List<Long> stored = jdbc.queryForList("SELECT last_sequence FROM regime_budget WHERE regime_id = ?",
                Long.class, regimeId.value());
        return stored.isEmpty() ? 0 : stored.get(0);
    }

    @Override
    public void applied(List<AppliedEvent> events) {
        Map<String, Long> latest = new HashMap<>();
        events.forEach(event -> latest.merge(event.regimeId().value(), event.sequence(), Math::max));
        latest.forEach(this::advance);
        signal();
    }

    @Override
    public void reset() {
        lastSequences.replaceAll((regimeId, sequence) -> 0L);
        signal();
    }

    /** The gauges of regimes that were projected before this start. */
    @EventListener(ApplicationReadyEvent.class)
    void registerStoredRegimes() {
        jdbc.query("SELECT regime_id, last_sequence FROM regime_budget ORDER BY regime_id LIMIT ?",
                (ResultSet row) -> {
                    advance(row.getString(1), row.getLong(2));
                }, MAX_REGIMES_AT_START);
    }

    private void advance(String regimeId, long sequence) {
        lastSequences.merge(regimeId, sequence, Math::max);
        if (gauged.add(regimeId)) {
            Gauge.builder("projection.regime.last.sequence", lastSequences, map -> map.getOrDefault(regimeId, 0L))
                    .description("The last event sequence of the regime applied to the read model")
                    .tag("regime", regimeId)
                    .register(registry);
        }
    }

    private void signal() {
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
