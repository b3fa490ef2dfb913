package org.riskbudget.bench.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Continuous load on one regime: client threads, paced to a steady rate, each sending commands from a seeded
 * generator through a {@link CommandSender} until each has a final answer. Stopping lets every client finish the
 * command in hand, so every command sent has its final answer when {@link #stop()} returns.
 */
final class CommandLoad implements AutoCloseable {

    /** Makes the next command for a client: its own random source, its index, its running count. */
    interface Commands {
        LoadCommand next(Random random, int client, int number);
    }

    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

    private final CommandSender sender;
    private final URI ledger;
    private final Commands commands;
    private final int clients;
    private final int commandsPerSecond;
    private final long seed;
    private final Semaphore permits = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private ExecutorService workers;
    private ScheduledExecutorService pacer;

    CommandLoad(CommandSender sender, URI ledger, Commands commands, int clients, int commandsPerSecond, long seed) {
        this.sender = sender;
        this.ledger = ledger;
        this.commands = commands;
        this.clients = clients;
        this.commandsPerSecond = commandsPerSecond;
        this.seed = seed;
    }

    CommandLoad start() {
        running.set(true);
        pacer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "load-pacer"));
        // One permit per interval, and never more waiting than there are clients: permits do not pile up while the
        // service is down, so a restart is met by the same steady rate rather than a burst.
        pacer.scheduleAtFixedRate(() -> {
            if (permits.availablePermits() < clients) {
                permits.release();
            }
        }, 0, 1_000_000 / commandsPerSecond, TimeUnit.MICROSECONDS);
        workers = Executors.newFixedThreadPool(clients, runnable -> new Thread(runnable, "load-client"));
        for (int client = 0; client < clients; client++) {
            int index = client;
            workers.submit(() -> work(index));
        }
        return this;
    }

    private void work(int client) {
        Random random = new Random(seed * 1_000_003L + client);
        int number = 0;
        try {
            while (running.get()) {
                if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    outcomes.add(sender.deliver(commands.next(random, client, number++), ledger));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int acknowledged() {
        return (int) outcomes.stream().filter(Outcome::acknowledged).count();
    }

    /** The highest sequence any acknowledged answer stated so far. */
    long lastAcknowledgedSequence() {
        return outcomes.stream().filter(Outcome::acknowledged).mapToLong(Outcome::sequence).max().orElse(0);
    }

    /** Waits until {@code more} further commands were acknowledged: proof the service takes commands now. */
    void awaitMoreAcknowledged(int more, Duration atMost, String during) {
        int target = acknowledged() + more;
        Awaitility.await(more + " more commands acknowledged " + during).atMost(atMost)
                .pollInterval(Duration.ofMillis(50)).until(() -> acknowledged() >= target);
    }

    /**
     * Waits, briefly, until requests are in flight, so a kill that follows cuts some off. A kill without one still
     * tests recovery, so this never fails the test; the crash test counts the commands cut off instead.
     */
    void awaitInFlight(int requests) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> sender.inFlight() >= requests);
        } catch (ConditionTimeoutException none) {
            // Not this time.
        }
    }

    /** Stops the clients once each has a final answer for the command in hand; returns every outcome. */
    List<Outcome> stop() {
        if (!running.getAndSet(false)) {
            return List.copyOf(outcomes);
        }
        pacer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                throw new AssertionError("load clients still had commands without a final answer after "
                        + STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(outcomes);
    }

    @Override
    public void close() {
        if (running.get()) {
            running.set(false);
            pacer.shutdownNow();
            workers.shutdownNow();
        }
    }
}
