package org.riskbudget.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.Poll;
import org.riskbudget.bench.harness.ProcessFigures;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.bench.history.EventStoreHistory;
import org.riskbudget.bench.history.RegimeHistory;
import org.riskbudget.bench.workload.HotRegime;
import org.riskbudget.bench.workload.Mix;
import org.riskbudget.contracts.api.AllocationRequest;
import org.riskbudget.contracts.api.TransferRequest;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * Benchmark 4: footprint. One regime with N events is written into the ledger's event store while the ledger is
 * stopped (valid chained events, see {@link EventStoreHistory}); the ledger is started on that store and its first
 * command on the regime, which loads it, is timed, and its memory read. The first load finds no snapshot and
 * replays every event, and leaves a snapshot behind (every 250 events); the ledger is then restarted and the
 * first command timed again, now loading from the snapshot, and then a transfer. Before each timed command a small
 * regime of its own warms the command path and the compilers are let finish with it, so the time is the regime's
 * load rather than the JVM's first request.
 */
final class FootprintBenchmark {

    static final String REGIME = "footprint";
    private static final int WARMUP_COMMANDS = 200;
    /** 503 is the ledger's "no answer yet"; 20 × 30 s bounds a load at ten minutes. */
    private static final int UNAVAILABLE = 503;
    private static final int MAX_ATTEMPTS = 20;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);
    private static final double IDLE_JIT_SECONDS = 0.03;
    private static final Duration COMPILERS_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One start of the ledger on the big store.
     *
     * @param firstCommandMs  the first command on the regime: its load, plus one command
     * @param secondCommandMs the next command, a transfer, the regime now in memory: what a command costs without
     *                        the load, plus, as the regime's first transfer, indexing its settled transfer ids
     * @param residentMib     VmRSS right after the first command
     * @param peakResidentMib VmHWM, the most the process was resident since it started
     */
    record Load(long readyMs, double firstCommandMs, double secondCommandMs, double residentMib,
            double peakResidentMib) {}

    record Result(long events, double insertSeconds, Load withoutSnapshot, long snapshotSequence, long snapshotBytes,
            double snapshotAfterSeconds, Load withSnapshot, double maxResidentMib, double maxPeakResidentMib) {}

    private FootprintBenchmark() {}

    static Result run(BenchEnvironment environment, ServiceProcess ledger, Settings settings) {
        long events = settings.footprintEvents();
        // The publisher's token must exist (it does once the ledger published anything) before it can be moved.
        warmUp(environment.api(), ledger, 0);
        Poll.until("the ledger's publisher token", Duration.ofMinutes(2), () -> publisherTokenExists(environment));
        ledger.stop();
        double insertSeconds;
        try (Connection connection = environment.connectForBulk(Databases.LEDGER)) {
            Progress.line("footprint", "writing %,d events of regime %s into the stopped ledger's event store", events,
                    REGIME);
            insertSeconds = EventStoreHistory.insert(connection,
                    new RegimeHistory(REGIME, events, Instant.now().minus(Duration.ofDays(400))), events);
            long[] token = EventStoreHistory.markPublished(connection);
            Progress.line("footprint", "%,d events written in %.1f s; publisher token moved from %d to %d", events,
                    insertSeconds, token[0], token[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the history into the event store", e);
        }

        Load cold = startAndLoad(environment, ledger, "without a snapshot", 1);
        long snapshotStartNs = System.nanoTime();
        Poll.until("a snapshot of regime " + REGIME, SNAPSHOT_TIMEOUT, () -> snapshot(environment)[0] > 0);
        double snapshotAfterSeconds = (System.nanoTime() - snapshotStartNs) / 1e9;
        long[] snapshot = snapshot(environment);
        Progress.line("footprint", "snapshot at sequence %,d, %.1f MiB (%.1f s after the first load)", snapshot[0],
                snapshot[1] / 1048576.0, snapshotAfterSeconds);
        ledger.stop();
        Load warm = startAndLoad(environment, ledger, "with a snapshot", 2);
        ledger.stop();
        return new Result(events, insertSeconds, cold, snapshot[0], snapshot[1], snapshotAfterSeconds, warm,
                Math.max(cold.residentMib(), warm.residentMib()),
                Math.max(cold.peakResidentMib(), warm.peakResidentMib()));
    }

    private static Load startAndLoad(BenchEnvironment environment, ServiceProcess ledger, String what, int round) {
        long readyMs = ledger.startAndAwaitReady();
        HttpApi api = environment.api();
        warmUp(api, ledger, round);
        awaitCompilersIdle(ledger);
        double firstMs = timed(api, allocation(api, ledger, round));
        double residentMib = ProcessFigures.residentMib(ledger.pid());
        double peakMib = ProcessFigures.peakResidentMib(ledger.pid());
        double secondMs = timed(api, transfer(api, ledger, round));
        Load load = new Load(readyMs, firstMs, secondMs, residentMib, peakMib);
        Progress.line("footprint", "%s: ready in %.1f s; first command %.0f ms, next (a transfer) %.1f ms; RSS %.0f "
                + "MiB, peak %.0f MiB", what, readyMs / 1e3, firstMs, secondMs, residentMib, peakMib);
        return load;
    }

    /**
     * Waits until the ledger's JIT compilers have finished with the warm-up (less than {@link #IDLE_JIT_SECONDS} of
     * their CPU in a second), at most {@link #COMPILERS_TIMEOUT}: on two cores, compilation still running beside the
     * timed load made it vary by half a second from run to run.
     */
    private static void awaitCompilersIdle(ServiceProcess ledger) {
        long deadlineNs = System.nanoTime() + COMPILERS_TIMEOUT.toNanos();
        double before = ProcessFigures.jitCpuSeconds(ledger.pid());
        while (System.nanoTime() < deadlineNs) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            double now = ProcessFigures.jitCpuSeconds(ledger.pid());
            if (now - before < IDLE_JIT_SECONDS) {
                return;
            }
            before = now;
        }
        Progress.line("footprint", "the ledger's compilers were still busy after %d s; timing the load anyway",
                COMPILERS_TIMEOUT.toSeconds());
    }

    private static HttpRequest allocation(HttpApi api, ServiceProcess ledger, int round) {
        String body = LedgerJson.mapper().writeValueAsString(new AllocationRequest(Mix.company(0), Ppb.of(1)));
        return HttpApi.post(ledger.base().resolve("/api/v1/regimes/" + REGIME + "/allocations"),
                api.token(ledger.base(), "REGULATOR", null), body, "footprint-" + round + "-allocation");
    }

    private static HttpRequest transfer(HttpApi api, ServiceProcess ledger, int round) {
        String body = LedgerJson.mapper().writeValueAsString(new TransferRequest(TransferId.of("footprint-" + round),
                Mix.company(0), Mix.company(1), Ppb.of(1), "footprint"));
        return HttpApi.post(ledger.base().resolve("/api/v1/regimes/" + REGIME + "/transfers"),
                api.token(ledger.base(), "COMPANY", Mix.company(0).value()), body, "footprint-" + round + "-transfer");
    }

    /** Commands on a small regime of their own: the command path compiled and connections open. */
    private static void warmUp(HttpApi api, ServiceProcess ledger, int round) {
        HotRegime warmup = HotRegime.open(api, ledger.base(), ledger.base(), "footprint-warmup-" + round);
        for (int number = 0; number < WARMUP_COMMANDS; number++) {
            api.require(warmup.command(0, number));
        }
    }

    private static boolean publisherTokenExists(BenchEnvironment environment) {
        try (Connection connection = environment.connect(Databases.LEDGER);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM tokenentry WHERE processorname = 'kafka-publisher' AND token IS NOT NULL")) {
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's tokens", e);
        }
    }

    /**
     * A load longer than the ledger's answer timeout (30 s) is answered 503 while it goes on; asked again with the
     * same key, the ledger answers with the command's own outcome once it is in. The time spans every attempt.
     */
    private static double timed(HttpApi api, HttpRequest command) {
        long startNs = System.nanoTime();
        for (int attempt = 1; attempt < MAX_ATTEMPTS && api.send(command).status() == UNAVAILABLE; attempt++) {
            Progress.line("footprint", "the regime is still loading after %.0f s; asking again with the same key",
                    (System.nanoTime() - startNs) / 1e9);
        }
        api.require(command);
        return (System.nanoTime() - startNs) / 1e6;
    }

    /** The regime's latest snapshot: its sequence (0 when none) and payload size in bytes. */
    private static long[] snapshot(BenchEnvironment environment) {
        try (Connection connection = environment.connect(Databases.LEDGER);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT sequencenumber, length(payload) FROM snapshotevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber DESC LIMIT 1""")) {
            query.setString(1, REGIME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1) + 1, row.getLong(2)} : new long[] {0, 0};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the snapshots", e);
        }
    }
}
