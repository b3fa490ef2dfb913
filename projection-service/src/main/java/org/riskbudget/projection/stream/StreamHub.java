package org.riskbudget.projection.stream;

import static org.riskbudget.projection.storage.SqlTime.instant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.LedgerChange;
import org.riskbudget.projection.apply.AppliedEvent;
import org.riskbudget.projection.budget.RegimeBudgets;
import org.riskbudget.projection.consumer.ProjectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open streams per regime. The consumer hands over applied events after their commit; one sending thread writes
 * them, in order, so a slow client never holds the consumer, and a subscription's replay and its live changes
 * never interleave out of order. Each event is sent with its sequence as id and its type as event name.
 * <p>
 * When the service stops, every stream is ended first (a lifecycle stopped before the web server's graceful
 * shutdown): an open stream never finishes by itself, so the graceful shutdown would otherwise wait its whole
 * timeout for dashboards; their browsers reconnect, with their Last-Event-ID, to an instance that runs.
 */
@Component
class StreamHub implements ProjectionListener, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final Map<String, Set<Subscription>> byRegime = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private final ThreadPoolExecutor sender;
    private final ScheduledExecutorService heartbeats;
    private final StreamSettings settings;
    private final JdbcTemplate jdbc;

    StreamHub(StreamSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), runnable -> daemon(runnable, "stream-sender"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "stream-heartbeat"));
        long intervalMs = settings.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the regime's changes. With {@code afterSequence} ≥ 0 (a reconnecting client's
     * Last-Event-ID), the changes after it are replayed from the history first, at most the configured number.
     */
    SseEmitter subscribe(RegimeId regimeId, long afterSequence) {
        if (!running) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "the service is stopping; retry later");
        }
        if (open.incrementAndGet() > settings.maxSubscribers()) {
            open.decrementAndGet();
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "too many open streams; retry later");
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Subscription subscription = new Subscription(regimeId.value(), emitter, Math.max(afterSequence, 0));
        emitter.onCompletion(() -> remove(subscription));
        emitter.onTimeout(() -> remove(subscription));
        emitter.onError(failure -> remove(subscription));
        try {
            sender.execute(() -> {
                if (!running) {
                    subscription.emitter.complete(); // stopped between the request and its registration
                    return;
                }
                if (afterSequence >= 0) {
                    replay(subscription);
                }
                byRegime.computeIfAbsent(subscription.regimeId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
                comment(subscription, "subscribed");
            });
        } catch (RejectedExecutionException full) {
            remove(subscription);
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "the stream is busy; retry later");
        }
        return emitter;
    }

    @Override
    public void applied(List<AppliedEvent> events) {
        Map<String, List<AppliedEvent>> watched = new LinkedHashMap<>();
        for (AppliedEvent event : events) {
            if (byRegime.containsKey(event.regimeId().value())) {
                watched.computeIfAbsent(event.regimeId().value(), id -> new ArrayList<>()).add(event);
            }
        }
        watched.forEach((regimeId, changes) -> {
            try {
                sender.execute(() -> subscribers(regimeId).forEach(subscription -> changes.forEach(
                        change -> send(subscription, change))));
            } catch (RejectedExecutionException full) {
                // Dropping a change silently would leave a dashboard wrong; closing makes its client reconnect
                // with its Last-Event-ID and get the change from the history.
                log.warn("The stream of regime {} fell behind; closing its subscribers so they reconnect", regimeId);
                subscribers(regimeId).forEach(subscription -> subscription.emitter.complete());
            }
        });
    }

    @Override
    public void reset() {
        // A rebuild replays the same events: each subscription skips what it was already sent.
    }

    private void replay(Subscription subscription) {
        List<AppliedEvent> history = jdbc.query("""
                SELECT h.*, b.name, b.cap_ppb FROM regime_history h
                JOIN regime_budget b ON b.regime_id = h.regime_id
                WHERE h.regime_id = ? AND h.sequence > ? ORDER BY h.sequence LIMIT ?""",
                (row, index) -> new AppliedEvent(RegimeId.of(row.getString("regime_id")), row.getString("name"),
                        row.getLong("sequence"), row.getString("event_type"), instant(row, "occurred_at"),
                        row.getString("hash"), row.getLong("cap_ppb"), row.getLong("pool_ppb"),
                        row.getLong("reserved_ppb"), row.getLong("spent_ppb")),
                subscription.regimeId, subscription.lastSentSequence, settings.replayMax());
        history.forEach(change -> send(subscription, change));
    }

    private void send(Subscription subscription, AppliedEvent event) {
        if (event.sequence() <= subscription.lastSentSequence) {
            return;
        }
        LedgerChange change = new LedgerChange(event.regimeId(), event.sequence(), event.type(), event.occurredAt(),
                RegimeBudgets.after(event));
        try {
            subscription.emitter.send(SseEmitter.event().id(Long.toString(event.sequence())).name(event.type())
                    .data(change, MediaType.APPLICATION_JSON));
            subscription.lastSentSequence = event.sequence();
        } catch (IOException | IllegalStateException gone) {
            remove(subscription);
        }
    }

    private void heartbeat() {
        try {
            sender.execute(() -> byRegime.values().forEach(subscriptions -> subscriptions.forEach(
                    subscription -> comment(subscription, "heartbeat"))));
        } catch (RejectedExecutionException busy) {
            // The sender is busy sending changes, which keep the streams alive just as well.
        }
    }

    private void comment(Subscription subscription, String text) {
        try {
            subscription.emitter.send(SseEmitter.event().comment(text));
        } catch (IOException | IllegalStateException gone) {
            remove(subscription);
        }
    }

    private List<Subscription> subscribers(String regimeId) {
        return List.copyOf(byRegime.getOrDefault(regimeId, Set.of()));
    }

    /** Ends a subscription once, whichever of completion, timeout, error or a failed send sees it first. */
    private void remove(Subscription subscription) {
        if (subscription.end()) {
            byRegime.getOrDefault(subscription.regimeId, Set.of()).remove(subscription);
            open.decrementAndGet();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; one that subscribes meanwhile is refused. */
    @Override
    public void stop() {
        running = false;
        byRegime.values().forEach(subscriptions -> List.copyOf(subscriptions).forEach(s -> s.emitter.complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        sender.shutdownNow();
        byRegime.values().forEach(subscriptions -> subscriptions.forEach(s -> s.emitter.complete()));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
