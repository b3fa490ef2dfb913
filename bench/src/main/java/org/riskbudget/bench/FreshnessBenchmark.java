package org.riskbudget.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.LatencySummary;
import org.riskbudget.bench.harness.Latencies;
import org.riskbudget.bench.harness.Pacer;
import org.riskbudget.bench.harness.Poll;
import org.riskbudget.bench.harness.ProcessFigures;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.bench.harness.SseStream;
import org.riskbudget.bench.workload.HotRegime;

/**
 * Benchmark 2: freshness. Commands go to the ledger at a fixed rate (open loop: each on its schedule, whatever
 * happened to the ones before), spread over a few regimes; each regime's server-sent event stream on
 * projection-service announces every applied change. Freshness of a command is the time from its acknowledgement
 * (the ledger's answer read by the client) to the arrival of its sequence on the stream, i.e. until a reader can
 * see it. The command latency at that rate is recorded too (from sending to the answer), and how far the sender
 * fell behind its schedule, which it does when the ledger answers too slowly for the rate.
 */
final class FreshnessBenchmark {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** Per regime, clients whose command numbers interleave; only to keep idempotency keys and ids unique. */
    private static final int CLIENTS_PER_REGIME = 16;

    /**
     * @param scheduledRate   the offered rate
     * @param maxInFlight     the most commands awaiting an answer at once: the write benchmark's client count, which
     *                        the connection pools are sized for (see {@link Settings#POOL_HEADROOM}); when the ledger
     *                        answers too slowly for the rate, the sender falls behind its schedule rather than
     *                        exhaust them
     * @param failuresByStatus commands not answered with success in the measured period, by status (-1: no answer)
     * @param sent            commands sent, warm-up included, of the {@code scheduled} ones (fewer when the ledger
     *                        was too slow for the rate: a slot not sent by the end is dropped)
     * @param achievedRate    commands answered with success per second of the measured period
     * @param behindScheduleMs how far behind its schedule the sender was at most (an overloaded client or ledger)
     * @param notSeen         acknowledged commands whose change never arrived on the stream within the drain time
     * @param costs           where the machine's CPU went in the measured period
     */
    record Result(int scheduledRate, int regimes, int maxInFlight, double measuredSeconds, long sent, long scheduled,
            double achievedRate,
            Map<Integer, Long> failuresByStatus, double behindScheduleMs, LatencySummary freshness,
            LatencySummary commandLatency, long notSeen, Costs costs) {}

    /**
     * CPU per command answered in the measured period, by process (PostgreSQL serves both services), and the share
     * of all cores those processes kept busy: whether the whole path, not only the ledger, ran out of CPU.
     */
    record Costs(double ledgerCpuMs, double projectionCpuMs, double postgresCpuMs, double clientAndBrokerCpuMs,
            double busyShareOfCores) {}

    /** CPU seconds used so far by each process of the path. */
    private record CpuReading(long atNs, double ledgerS, double projectionS, double postgresS, double clientS) {

        static CpuReading now(BenchEnvironment environment, ServiceProcess ledger, ServiceProcess projection) {
            return new CpuReading(System.nanoTime(), ProcessFigures.cpuSeconds(ledger.pid()),
                    ProcessFigures.cpuSeconds(projection.pid()),
                    ProcessFigures.cpuSecondsWithChildren(environment.postmasterPid()),
                    ProcessFigures.cpuSeconds(ProcessHandle.current().pid()));
        }

        Costs since(CpuReading before, double commands) {
            double perCommandMs = 1000 / Math.max(1, commands);
            double busyS = ledgerS - before.ledgerS + projectionS - before.projectionS + postgresS - before.postgresS
                    + clientS - before.clientS;
            double coreSeconds = (atNs - before.atNs) / 1e9 * Runtime.getRuntime().availableProcessors();
            return new Costs((ledgerS - before.ledgerS) * perCommandMs,
                    (projectionS - before.projectionS) * perCommandMs, (postgresS - before.postgresS) * perCommandMs,
                    (clientS - before.clientS) * perCommandMs, coreSeconds > 0 ? busyS / coreSeconds : 0);
        }
    }

    /** One side of a match: the acknowledgement or the stream's arrival, whichever came first. */
    private record Half(boolean acknowledgement, long atNs, boolean measured) {}

    private final Map<String, Half> waiting = new ConcurrentHashMap<>();
    private final Latencies freshness = new Latencies();
    private final Latencies commandLatency = new Latencies();
    private final AtomicLong unmatched = new AtomicLong();
    private final LongAdder succeeded = new LongAdder();
    private final Map<Integer, LongAdder> failed = new ConcurrentHashMap<>();

    private FreshnessBenchmark() {}

    static Result run(BenchEnvironment environment, ServiceProcess ledger, ServiceProcess projection,
            Settings settings) {
        return new FreshnessBenchmark().measure(environment, ledger, projection, settings);
    }

    private Result measure(BenchEnvironment environment, ServiceProcess ledger, ServiceProcess projection,
            Settings settings) {
        HttpApi api = environment.api();
        int regimeCount = settings.freshnessRegimes();
        List<HotRegime> regimes = new ArrayList<>();
        for (int index = 0; index < regimeCount; index++) {
            regimes.add(HotRegime.open(api, ledger.base(), ledger.base(), "fresh-" + index));
        }
        String viewer = api.token(ledger.base(), "VIEWER", null);
        List<SseStream> streams = new ArrayList<>();
        try {
            for (HotRegime regime : regimes) {
                awaitProjected(api, projection.base(), viewer, regime.regimeId());
                String regimeId = regime.regimeId();
                streams.add(SseStream.open(api, projection.base().resolve("/api/v1/regimes/" + regimeId + "/stream"),
                        viewer, (id, arrivedNs) -> arrived(regimeId + "#" + id, arrivedNs)));
            }
            Progress.line("freshness", "%d regimes streaming; %d commands/s for %d s warm-up and %d s measured",
                    regimeCount, settings.freshnessRatePerSecond(), settings.freshnessWarmup().toSeconds(),
                    settings.freshnessMeasured().toSeconds());
            return send(api, regimes, settings, () -> CpuReading.now(environment, ledger, projection));
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @SuppressWarnings("try") // the progress ticker reports while the block runs, which never names it
    private Result send(HttpApi api, List<HotRegime> regimes, Settings settings, Supplier<CpuReading> cpu) {
        int rate = settings.freshnessRatePerSecond();
        long warmupSlots = settings.freshnessWarmup().toSeconds() * rate;
        long slots = warmupSlots + settings.freshnessMeasured().toSeconds() * rate;
        int maxInFlight = settings.writeClients();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long startNs = System.nanoTime();
        long measureFromNs = startNs + settings.freshnessWarmup().toNanos();
        long endNs = measureFromNs + settings.freshnessMeasured().toNanos();
        Pacer pacer = new Pacer(startNs, rate);
        long behindNs = 0;
        AtomicLong sent = new AtomicLong();
        CpuReading measuredFrom = null;
        CpuReading measuredTo;
        try (var ticker = Progress.every(5_000, "freshness", () -> status(sent.get(), slots))) {
            // A ledger slower than the rate holds the sender back; what could not be sent by the end is not sent.
            for (long slot = 0; slot < slots && System.nanoTime() < endNs; slot++) {
                long dueNs = pacer.awaitSlot(slot);
                inFlight.acquireUninterruptibly();
                long sentNs = System.nanoTime();
                // Measured: sent after the warm-up, whichever slot it is (a slow ledger holds the slots back).
                boolean measured = sentNs - measureFromNs >= 0;
                if (measured && measuredFrom == null) {
                    measuredFrom = cpu.get();
                }
                behindNs = measured ? Math.max(behindNs, sentNs - dueNs) : behindNs;
                HotRegime regime = regimes.get((int) (slot % regimes.size()));
                long perRegime = slot / regimes.size();
                HttpRequest command = regime.command((int) (perRegime % CLIENTS_PER_REGIME),
                        perRegime / CLIENTS_PER_REGIME);
                sent.incrementAndGet();
                api.sendAsync(command).whenComplete((answer, error) -> {
                    long ackNs = System.nanoTime();
                    inFlight.release();
                    if (error != null || !answer.isSuccess()) {
                        if (measured) {
                            failed.computeIfAbsent(error != null ? -1 : answer.status(), status -> new LongAdder())
                                    .increment();
                        }
                        return;
                    }
                    if (measured) {
                        succeeded.increment();
                        commandLatency.recordNanos(ackNs - sentNs);
                    }
                    acknowledged(regime.regimeId() + "#" + answer.sequence(), ackNs, measured);
                });
            }
            measuredTo = cpu.get();
            inFlight.acquireUninterruptibly(maxInFlight); // every answer is in
            inFlight.release(maxInFlight);
            try {
                Poll.until("every acknowledged change on the streams", DRAIN_TIMEOUT, () -> unmatched.get() == 0);
            } catch (IllegalStateException timedOut) {
                Progress.line("freshness", "%d acknowledged changes never arrived on the streams", unmatched.get());
            }
        }
        double seconds = settings.freshnessMeasured().toNanos() / 1e9;
        Map<Integer, Long> failures = new TreeMap<>();
        failed.forEach((status, count) -> failures.put(status, count.sum()));
        Result result = new Result(rate, regimes.size(), maxInFlight, seconds, sent.get(), slots,
                succeeded.sum() / seconds, failures,
                behindNs / 1e6, freshness.total(), commandLatency.total(), unmatched.get(),
                measuredTo.since(measuredFrom == null ? measuredTo : measuredFrom, succeeded.sum()));
        Progress.line("freshness", "p50 %.1f ms, p99 %.1f ms from acknowledgement to the stream; %.0f commands/s "
                + "achieved, command p99 %.1f ms, at most %.0f ms behind schedule; failures %s",
                result.freshness().p50Ms(), result.freshness().p99Ms(), result.achievedRate(),
                result.commandLatency().p99Ms(), result.behindScheduleMs(), failures);
        return result;
    }

    /** A command's answer: matched with its change if that already arrived, else left for the stream. */
    private void acknowledged(String key, long ackNs, boolean measured) {
        waiting.compute(key, (k, other) -> {
            if (other == null) {
                if (measured) {
                    unmatched.incrementAndGet();
                }
                return new Half(true, ackNs, measured);
            }
            if (measured) {
                freshness.recordNanos(Math.max(0, other.atNs() - ackNs));
            }
            return null;
        });
    }

    /** A change on a stream: matched with its command's answer if that is in, else kept until it is. */
    private void arrived(String key, long arrivedNs) {
        waiting.compute(key, (k, other) -> {
            if (other == null) {
                return new Half(false, arrivedNs, false);
            }
            if (other.acknowledgement() && other.measured()) {
                freshness.recordNanos(Math.max(0, arrivedNs - other.atNs()));
                unmatched.decrementAndGet();
            }
            return null;
        });
    }

    private String status(long sent, long slots) {
        LatencySummary interval = freshness.interval();
        return String.format("%,d of %,d commands sent; last interval freshness p50 %.1f ms, p99 %.1f ms (%d seen)",
                sent, slots, interval.p50Ms(), interval.p99Ms(), interval.count());
    }

    /** Waits until the projection has the regime's set-up, so its stream can be opened (it answers 404 before). */
    private static void awaitProjected(HttpApi api, URI projection, String token, String regimeId) {
        Poll.until("regime " + regimeId + " on the projection", Duration.ofSeconds(60), () -> api.send(HttpApi.get(
                projection.resolve("/api/v1/regimes/" + regimeId + "/budget?minSequence=1"), token)).isSuccess());
    }
}
