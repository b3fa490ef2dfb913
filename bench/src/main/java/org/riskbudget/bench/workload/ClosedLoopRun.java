package org.riskbudget.bench.workload;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.LatencySummary;
import org.riskbudget.bench.harness.Latencies;
import org.riskbudget.bench.harness.Progress;

/**
 * N clients, each sending its next command as soon as the previous one was answered, for a warm-up and then a
 * measured period. Throughput counts the commands answered with success within the measured period; latency is
 * recorded for each of them, from just before sending to the whole answer read.
 */
public final class ClosedLoopRun {

    /** Builds command {@code number} of client {@code client}. */
    @FunctionalInterface
    public interface Commands {
        HttpRequest command(int client, long number);
    }

    /**
     * @param failuresByStatus answers other than 2xx by status within the measured period (-1: no answer)
     * @param firstFailure     one failure's text, to tell what went wrong
     */
    public record Result(String name, int clients, double measuredSeconds, long succeeded, double commandsPerSecond,
            LatencySummary latency, Map<Integer, Long> failuresByStatus, String firstFailure) {}

    private final String name;
    private final HttpApi api;
    private final int clients;
    private final Duration warmup;
    private final Duration measured;

    public ClosedLoopRun(String name, HttpApi api, int clients, Duration warmup, Duration measured) {
        this.name = name;
        this.api = api;
        this.clients = clients;
        this.warmup = warmup;
        this.measured = measured;
    }

    public Result run(Commands commands) {
        return run(commands, () -> {}, () -> {});
    }

    /**
     * Runs the clients; {@code atMeasuredStart} and {@code atMeasuredEnd} run on the calling thread when the measured
     * period begins and ends, to take readings (CPU time, database counters) over exactly that period.
     */
    @SuppressWarnings("try") // the progress ticker reports while the block runs, which never names it
    public Result run(Commands commands, Runnable atMeasuredStart, Runnable atMeasuredEnd) {
        Latencies latencies = new Latencies();
        LongAdder succeeded = new LongAdder();
        Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        long startNs = System.nanoTime();
        long measureFromNs = startNs + warmup.toNanos();
        long endNs = measureFromNs + measured.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                for (long number = 0; System.nanoTime() < endNs; number++) {
                    HttpRequest request = commands.command(id, number);
                    long beganNs = System.nanoTime();
                    int status;
                    String text;
                    try {
                        HttpApi.Answer answer = api.send(request);
                        status = answer.status();
                        text = answer.text();
                    } catch (RuntimeException noAnswer) {
                        status = -1;
                        text = noAnswer.toString();
                    }
                    long endedNs = System.nanoTime();
                    sent.incrementAndGet();
                    if (beganNs < measureFromNs || endedNs > endNs) {
                        continue; // warm-up, or answered after the measured period
                    }
                    if (status >= 200 && status < 300) {
                        succeeded.increment();
                        latencies.recordNanos(endedNs - beganNs);
                    } else {
                        failures.computeIfAbsent(status, s -> new LongAdder()).increment();
                        firstFailure.compareAndSet(null, status + " " + text);
                    }
                }
            }, name + "-client-" + id);
            thread.start();
            threads.add(thread);
        }
        try (Progress.Ticker ticker = Progress.every(5_000, name, () -> status(measureFromNs, sent, latencies))) {
            parkUntil(measureFromNs);
            atMeasuredStart.run();
            parkUntil(endNs);
            atMeasuredEnd.run();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = measured.toNanos() / 1e9;
        Map<Integer, Long> failureCounts = new ConcurrentHashMap<>();
        failures.forEach((status, count) -> failureCounts.put(status, count.sum()));
        return new Result(name, clients, seconds, succeeded.sum(), succeeded.sum() / seconds, latencies.total(),
                Map.copyOf(failureCounts), firstFailure.get());
    }

    private static void parkUntil(long deadlineNs) {
        for (long waitNs = deadlineNs - System.nanoTime(); waitNs > 0; waitNs = deadlineNs - System.nanoTime()) {
            LockSupport.parkNanos(waitNs);
        }
    }

    private String status(long measureFromNs, AtomicLong sent, Latencies latencies) {
        long nowNs = System.nanoTime();
        if (nowNs < measureFromNs) {
            return String.format("warming up, %d commands answered", sent.get());
        }
        LatencySummary interval = latencies.interval();
        return String.format("%.0f s measured, %d commands answered; last interval %d ok, p50 %.1f ms, p99 %.1f ms",
                (nowNs - measureFromNs) / 1e9, sent.get(), interval.count(), interval.p50Ms(), interval.p99Ms());
    }
}
