package org.riskbudget.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.riskbudget.bench.harness.Machine;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.contracts.topic.LedgerTopic;

/**
 * Runs the benchmarks side by side on this machine and writes {@code bench/results/latest.json} (every figure,
 * ratio and target) and {@code bench/results/latest.md} (the table for docs/PERFORMANCE.md).
 *
 * <pre>./mvnw -q -pl bench -am -Pbench package -DskipTests [-Dbench.args=--full]</pre>
 *
 * Order matters on a small machine: the write benchmark runs while nothing else consumes, the projection starts
 * only for freshness, each service is stopped once its benchmarks are done.
 */
public final class Benchmarks {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Benchmarks() {}

    public static void main(String[] args) {
        try {
            runAll(args);
        } catch (RuntimeException failure) {
            Progress.line("failed", "%s", failure);
            failure.printStackTrace();
            // Exit explicitly: the broker's threads would otherwise keep the JVM (and Maven) waiting.
            System.exit(1);
        }
        // The broker's and the HTTP client's threads would keep the JVM alive.
        System.exit(0);
    }

    private static void runAll(String[] args) {
        Settings settings = Settings.parse(args);
        Instant started = Instant.now();
        Report report = new Report(settings, started, Machine.current());
        Path directory = createDirectory(Path.of("target", "bench-run-" + RUN_NAME.format(started)));
        Progress.line("setup", "%s run (%s) in %s; services log to %s/logs", settings.mode(), settings.benchmarks(),
                directory.getFileName(), directory);
        try (BenchEnvironment environment = BenchEnvironment.start(directory)) {
            Runtime.getRuntime().addShutdownHook(new Thread(environment::close, "bench-stop"));
            report.postgres(environment.setting("server_version"), environment.setting("synchronous_commit"),
                    environment.setting("fsync"), environment.setting("max_connections"));
            run(environment, settings, report);
        }
        report.finish(Instant.now());
        Path results = Path.of("results");
        report.write(results);
        Progress.line("done", "results in %s and %s", results.resolve("latest.json").toAbsolutePath(),
                results.resolve("latest.md").toAbsolutePath());
        System.out.println();
        System.out.println(report.markdown());
    }

    private static void run(BenchEnvironment environment, Settings settings, Report report) {
        ServiceProcess ledger = environment.ledger("ledger-service", Databases.LEDGER, settings.connectionPoolSize(),
                List.of());
        ServiceProcess naive = environment.naive("naive-ledger", Databases.NAIVE, settings.connectionPoolSize());
        CompletableFuture<Long> ledgerReady = CompletableFuture.supplyAsync(ledger::startAndAwaitReady);
        CompletableFuture<Long> naiveReady = settings.runs("write")
                ? CompletableFuture.supplyAsync(naive::startAndAwaitReady) : CompletableFuture.completedFuture(0L);
        report.startup("ledgerReadyMs", ledgerReady.join());
        report.startup("naiveReadyMs", naiveReady.join());
        Progress.line("setup", "ledger-service ready in %.1f s, naive ledger in %.1f s", ledger.readyMs() / 1e3,
                naive.readyMs() / 1e3);

        if (settings.runs("write")) {
            report.write(WriteBenchmark.run(environment, ledger, naive, settings));
        }
        naive.close();
        if (settings.runs("freshness")) {
            try (ServiceProcess projection = environment.projection("projection-service", Databases.PROJECTION,
                    ledger.base(), LedgerTopic.DEFAULT_NAME, "projection-service")) {
                report.startup("projectionReadyMs", projection.startAndAwaitReady());
                report.freshness(FreshnessBenchmark.run(environment, ledger, projection, settings));
            }
        }
        if (settings.runs("rebuild")) {
            report.rebuild(RebuildBenchmark.run(environment, ledger, settings));
        }
        if (settings.runs("footprint")) {
            report.footprint(FootprintBenchmark.run(environment, ledger, settings));
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
