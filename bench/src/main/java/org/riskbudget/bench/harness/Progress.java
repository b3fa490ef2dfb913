package org.riskbudget.bench.harness;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress lines on standard output, each stamped with the time since the run began, so a long run shows where it
 * is. A {@link Ticker} repeats a status line while a phase runs.
 */
public final class Progress {

    private static final long STARTED_NS = System.nanoTime();
    private static final PrintStream OUT = System.out;

    private Progress() {}

    public static void line(String phase, String format, Object... arguments) {
        String text = String.format(Locale.ROOT, format, arguments);
        synchronized (OUT) {
            OUT.printf(Locale.ROOT, "[%7.1fs] %-10s %s%n", elapsedSeconds(), phase, text);
            OUT.flush();
        }
    }

    public static double elapsedSeconds() {
        return (System.nanoTime() - STARTED_NS) / 1e9;
    }

    /** Prints {@code status} every {@code periodMs} until closed; the status supplier must be cheap and thread-safe. */
    public static Ticker every(long periodMs, String phase, Supplier<String> status) {
        return new Ticker(periodMs, phase, status);
    }

    public static final class Ticker implements AutoCloseable {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });

        private Ticker(long periodMs, String phase, Supplier<String> status) {
            timer.scheduleAtFixedRate(() -> {
                try {
                    line(phase, "%s", status.get());
                } catch (RuntimeException e) {
                    line(phase, "(status unavailable: %s)", e.getMessage());
                }
            }, periodMs, periodMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
