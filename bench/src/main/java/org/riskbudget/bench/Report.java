package org.riskbudget.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskbudget.bench.harness.Machine;
import org.riskbudget.bench.harness.ServiceProcess;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Everything a run measured, the targets it met or missed, as JSON for tools and as a Markdown table for people. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> startup = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final Settings settings;
    private final Instant started;
    private final Machine machine;
    private WriteBenchmark.Result write;
    private FreshnessBenchmark.Result freshness;
    private RebuildBenchmark.Result rebuild;
    private FootprintBenchmark.Result footprint;
    private String synchronousCommit = "?";

    Report(Settings settings, Instant started, Machine machine) {
        this.settings = settings;
        this.started = started;
        this.machine = machine;
        root.put("timestamp", started.toString());
        root.put("mode", settings.mode());
        root.put("customised", settings.overrides());
        root.put("machine", machine);
        root.put("serviceJvmOptions", ServiceProcess.BENCHMARK_JVM);
        root.put("settings", settingsAsNumbers(settings));
        root.put("startup", startup);
    }

    void postgres(String version, String synchronousCommit, String fsync, String maxConnections) {
        this.synchronousCommit = synchronousCommit;
        root.put("postgres", Map.of("version", version, "synchronousCommit", synchronousCommit, "fsync", fsync,
                "maxConnections", maxConnections,
                "note", "one embedded PostgreSQL server for the ledger, the naive ledger and the projections"));
    }

    void startup(String name, long milliseconds) {
        startup.put(name, milliseconds);
    }

    void write(WriteBenchmark.Result result) {
        write = result;
        root.put("write", result);
        targets.add(Target.atLeast("write.throughputRatio", "ledger commands/s >= 3 x naive commands/s",
                result.throughputRatio(), 3, "x"));
        targets.add(Target.atMost("write.p99Ratio", "ledger p99 no worse than naive p99 (ratio <= 1)",
                result.p99Ratio(), 1, "x"));
    }

    void freshness(FreshnessBenchmark.Result result) {
        freshness = result;
        root.put("freshness", result);
        targets.add(Target.atMost("freshness.p99", "p99 acknowledged-to-visible <= 100 ms at 1,000 commands/s",
                result.freshness().p99Ms(), 100, "ms"));
    }

    void rebuild(RebuildBenchmark.Result result) {
        rebuild = result;
        root.put("rebuild", result);
        targets.add(Target.atLeast("rebuild.ratio", "rebuild records/s >= 50 % of a raw consumer's",
                result.ratio(), 0.5, "x"));
    }

    void footprint(FootprintBenchmark.Result result) {
        footprint = result;
        root.put("footprint", result);
        targets.add(Target.atMost("footprint.rss", "ledger-service RSS <= 512 MB after loading the regime",
                result.maxResidentMib(), 512, "MiB"));
        targets.add(Target.atMost("footprint.loadTime", "regime load time <= 1 s (with snapshots)",
                result.withSnapshot().firstCommandMs() / 1000, 1, "s"));
    }

    void finish(Instant finished) {
        root.put("durationSeconds", Duration.between(started, finished).toSeconds());
        root.put("loadAverageAtEnd", Machine.loadAverage());
        root.put("targets", targets);
        root.put("note", "Measured with every service, PostgreSQL and the broker on this one machine. On a shared "
                + "or busy machine (see machine.loadAverage1m and loadAverageAtEnd) the figures are not final: "
                + "re-measure on a quiet one.");
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("latest.json"), JSON.writeValueAsString(root) + "\n");
            Files.writeString(directory.resolve("latest.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory, e);
        }
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %s, %s mode%s; %d cores, %d MiB, %s; load average %.1f at the "
                + "start, %.1f at the end; PostgreSQL synchronous_commit=%s.%n%n", started, settings.mode(),
                settings.overrides().isEmpty() ? "" : " (customised: " + settings.overrides() + ")", machine.cores(),
                machine.memoryMib(), machine.jdk(), machine.loadAverage1m(), Machine.loadAverage(),
                synchronousCommit));
        out.append("| Benchmark | Figure | Ledger | Baseline | Ratio | Target | Pass |\n");
        out.append("|---|---|---:|---:|---:|---|---|\n");
        if (write != null) {
            var ledger = write.ledger().load();
            var naive = write.naive().load();
            row(out, "1 write, " + ledger.clients() + " clients, one regime", "commands/s",
                    f0(ledger.commandsPerSecond()), f0(naive.commandsPerSecond()) + " (naive SQL)",
                    f2(write.throughputRatio()), "≥ 3", pass("write.throughputRatio"));
            row(out, "", "p50 / p99 / p99.9 ms", ms3(ledger.latency()), ms3(naive.latency()),
                    f2(write.p99Ratio()) + " (p99)", "p99 ≤ naive", pass("write.p99Ratio"));
            row(out, "", "one client: commands/s, p50 ms", f0(write.ledger().singleClient().commandsPerSecond()) + ", "
                    + f1(write.ledger().singleClient().latency().p50Ms()),
                    f0(write.naive().singleClient().commandsPerSecond()) + ", "
                            + f1(write.naive().singleClient().latency().p50Ms()), "", "", "");
        }
        if (freshness != null) {
            row(out, "2 freshness, " + freshness.scheduledRate() + " commands/s offered", "ack → visible p50 / p99 ms",
                    f1(freshness.freshness().p50Ms()) + " / " + f1(freshness.freshness().p99Ms()), "", "",
                    "p99 ≤ 100 ms", pass("freshness.p99"));
            row(out, "", "achieved commands/s; command p99 ms", f0(freshness.achievedRate()) + "; "
                    + f1(freshness.commandLatency().p99Ms()), "", "", "", "");
            FreshnessBenchmark.Costs costs = freshness.costs();
            row(out, "", "CPU ms per command: ledger / projection / PostgreSQL / client + broker; cores busy",
                    f2(costs.ledgerCpuMs()) + " / " + f2(costs.projectionCpuMs()) + " / " + f2(costs.postgresCpuMs())
                            + " / " + f2(costs.clientAndBrokerCpuMs()) + "; "
                            + f0(costs.busyShareOfCores() * 100) + " %", "", "", "", "");
        }
        if (rebuild != null) {
            row(out, "3 rebuild, " + String.format(Locale.ROOT, "%,d", rebuild.events()) + " events", "events/s",
                    f0(rebuild.rebuildEventsPerSecond()), f0(rebuild.rawConsumer().recordsPerSecond())
                            + " (raw consumer)", f2(rebuild.ratio()), "≥ 0.5", pass("rebuild.ratio"));
            row(out, "", "MiB/s", f1(rebuild.rebuildMibPerSecond()), f1(rebuild.rawConsumer().mibPerSecond()), "",
                    "", "");
        }
        if (footprint != null) {
            row(out, "4 footprint, " + String.format(Locale.ROOT, "%,d", footprint.events()) + " events",
                    "RSS MiB (max after load; peak)", f0(footprint.maxResidentMib()) + "; "
                            + f0(footprint.maxPeakResidentMib()), "", "", "≤ 512 MB", pass("footprint.rss"));
            row(out, "", "load ms: with snapshot / without", f0(footprint.withSnapshot().firstCommandMs()) + " / "
                    + f0(footprint.withoutSnapshot().firstCommandMs()), "", "", "≤ 1 s", pass("footprint.loadTime"));
        }
        if (write != null) {
            out.append("\nWhere a write goes (per command, measured period):\n\n");
            out.append("| | service CPU ms | of which JIT ms | PostgreSQL CPU ms | client + broker CPU ms "
                    + "| transactions | WAL flushes | mean WAL flush ms | WAL bytes | server mean ms |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            costs(out, "ledger", write.ledger().costs());
            costs(out, "naive", write.naive().costs());
        }
        return out.toString();
    }

    private static void costs(StringBuilder out, String name, WriteBenchmark.Costs costs) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %s |%n",
                name, costs.serviceCpuMs(), costs.serviceJitCpuMs(), costs.postgresCpuMs(),
                costs.clientAndBrokerCpuMs(), costs.commits(), costs.walFlushes(), costs.walFlushMeanMs(),
                costs.walBytes(), costs.serverMeanMs() == null ? "–" : f2(costs.serverMeanMs())));
    }

    private String pass(String target) {
        return targets.stream().filter(t -> t.name().equals(target)).findFirst()
                .map(t -> t.pass() ? "yes" : "**no**").orElse("");
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String ms3(org.riskbudget.bench.harness.LatencySummary latency) {
        return f1(latency.p50Ms()) + " / " + f1(latency.p99Ms()) + " / " + f1(latency.p999Ms());
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Map<String, Object> settingsAsNumbers(Settings settings) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("benchmarks", settings.benchmarks());
        numbers.put("writeClients", settings.writeClients());
        numbers.put("connectionPoolSize", settings.connectionPoolSize());
        numbers.put("writeWarmupSeconds", settings.writeWarmup().toSeconds());
        numbers.put("writeMeasuredSeconds", settings.writeMeasured().toSeconds());
        numbers.put("singleClientMeasuredSeconds", settings.singleClientMeasured().toSeconds());
        numbers.put("freshnessRatePerSecond", settings.freshnessRatePerSecond());
        numbers.put("freshnessRegimes", settings.freshnessRegimes());
        numbers.put("freshnessWarmupSeconds", settings.freshnessWarmup().toSeconds());
        numbers.put("freshnessMeasuredSeconds", settings.freshnessMeasured().toSeconds());
        numbers.put("rebuildEvents", settings.rebuildEvents());
        numbers.put("rebuildRegimes", settings.rebuildRegimes());
        numbers.put("footprintEvents", settings.footprintEvents());
        return numbers;
    }
}
