package org.riskbudget.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.ProcessFigures;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.PrometheusText;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.bench.workload.ClosedLoopRun;
import org.riskbudget.bench.workload.HotRegime;

/**
 * Benchmark 1: write throughput and latency on one hot regime, ledger-service against the naive SQL ledger, the
 * same clients sending the same mix over the same HTTP client to the same PostgreSQL server. Besides commands per
 * second and latency percentiles it records what each command cost (CPU of the service, of PostgreSQL and of the
 * client; commits, WAL flushes and their time), which shows where the time goes.
 */
final class WriteBenchmark {

    static final String MIX = "of every 10 commands per client: 5 allocations (pool to company, regulator token), "
            + "4 transfers (company to company, the sender's token), 1 safety-case submission (reserves 8 ppb, the "
            + "company's token); amounts 1-100 ppb; 8 companies, client c acts for company c mod 8";

    /**
     * What one command cost on average in the measured period. {@code commits} counts every transaction committed
     * in the service's database (read-only ones included, such as the publisher's polls); {@code walFlushes} the
     * server's WAL flushes, i.e. the durable commits' fsyncs.
     *
     * @param serviceJitCpuMs the part of {@code serviceCpuMs} spent by the service's JIT compilers: high while the
     *                        service is still warming up, whatever the command costs once compiled
     * @param serverMeanMs the ledger's own mean command time (its {@code ledger.commands} timer, aggregate lock wait
     *                     and commit included); null for the naive ledger, which has no such timer
     */
    record Costs(double serviceCpuMs, double serviceJitCpuMs, double postgresCpuMs, double clientAndBrokerCpuMs,
            double commits, double walFlushes, double walFlushMeanMs, double walBytes, Double serverMeanMs) {}

    record Side(String service, ClosedLoopRun.Result load, Costs costs, ClosedLoopRun.Result singleClient) {}

    /** @param p99Ratio ledger p99 ÷ naive p99: at most 1 means "no worse" */
    record Result(String mix, Side ledger, Side naive, double throughputRatio, double p99Ratio) {}

    private WriteBenchmark() {}

    static Result run(BenchEnvironment environment, ServiceProcess ledger, ServiceProcess naive, Settings settings) {
        HttpApi api = environment.api();
        Side naiveSide = measure(environment, naive, "naive", null, HotRegime.open(api, naive.base(), ledger.base(),
                "hot-naive"), settings);
        Side ledgerSide = measure(environment, ledger, "ledger", ledger, HotRegime.open(api, ledger.base(),
                ledger.base(), "hot-ledger"), settings);
        double ratio = ledgerSide.load().commandsPerSecond() / naiveSide.load().commandsPerSecond();
        double p99Ratio = ledgerSide.load().latency().p99Ms() / naiveSide.load().latency().p99Ms();
        Progress.line("write", "ledger %.0f commands/s vs naive %.0f commands/s: ratio %.2f; p99 %.1f ms vs %.1f ms",
                ledgerSide.load().commandsPerSecond(), naiveSide.load().commandsPerSecond(), ratio,
                ledgerSide.load().latency().p99Ms(), naiveSide.load().latency().p99Ms());
        return new Result(MIX, ledgerSide, naiveSide, ratio, p99Ratio);
    }

    private static Side measure(BenchEnvironment environment, ServiceProcess service, String name,
            ServiceProcess ledgerOrNull, HotRegime regime, Settings settings) {
        String database = name.equals("naive") ? Databases.NAIVE : Databases.LEDGER;
        Progress.line("write", "%s: %d clients, %d s warm-up, %d s measured", name, settings.writeClients(),
                settings.writeWarmup().toSeconds(), settings.writeMeasured().toSeconds());
        AtomicReference<Reading> before = new AtomicReference<>();
        AtomicReference<Reading> after = new AtomicReference<>();
        ClosedLoopRun.Result load = new ClosedLoopRun("write-" + name, environment.api(), settings.writeClients(),
                settings.writeWarmup(), settings.writeMeasured()).run(regime::command,
                () -> before.set(Reading.take(environment, service, database, ledgerOrNull)),
                () -> after.set(Reading.take(environment, service, database, ledgerOrNull)));
        Costs costs = after.get().costsSince(before.get(), load.succeeded());
        Progress.line("write", "%s: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms; failures %s", name,
                load.commandsPerSecond(), load.latency().p50Ms(), load.latency().p99Ms(), load.latency().p999Ms(),
                load.failuresByStatus());
        ClosedLoopRun.Result single = new ClosedLoopRun("write-" + name + "-1", environment.api(), 1, Duration.ZERO,
                settings.singleClientMeasured()).run((client, number) -> regime.command(client, 1_000_000_000L
                        + number));
        Progress.line("write", "%s, one client: %.0f commands/s, p50 %.1f ms", name, single.commandsPerSecond(),
                single.latency().p50Ms());
        return new Side(name, load, costs, single);
    }

    /** CPU times and database counters at one instant. */
    private record Reading(double serviceCpuS, double serviceJitCpuS, double postgresCpuS, double clientCpuS,
            PostgresCounters counters, double serverCount, double serverSumS) {

        static Reading take(BenchEnvironment environment, ServiceProcess service, String database,
                ServiceProcess ledgerOrNull) {
            double count = 0;
            double sum = 0;
            if (ledgerOrNull != null) {
                String metrics = environment.api().send(HttpApi.get(ledgerOrNull.base().resolve(
                        "/actuator/prometheus"), null)).text();
                count = PrometheusText.sum(metrics, "ledger_commands_seconds_count", "outcome=\"accepted\"");
                sum = PrometheusText.sum(metrics, "ledger_commands_seconds_sum", "outcome=\"accepted\"");
            }
            return new Reading(ProcessFigures.cpuSeconds(service.pid()), ProcessFigures.jitCpuSeconds(service.pid()),
                    ProcessFigures.cpuSecondsWithChildren(environment.postmasterPid()),
                    ProcessFigures.cpuSeconds(ProcessHandle.current().pid()),
                    PostgresCounters.read(environment, database), count, sum);
        }

        Costs costsSince(Reading before, long commands) {
            double n = Math.max(1, commands);
            PostgresCounters delta = counters.minus(before.counters);
            Double serverMeanMs = serverCount > before.serverCount
                    ? (serverSumS - before.serverSumS) / (serverCount - before.serverCount) * 1000 : null;
            return new Costs(round((serviceCpuS - before.serviceCpuS) * 1000 / n),
                    round((serviceJitCpuS - before.serviceJitCpuS) * 1000 / n),
                    round((postgresCpuS - before.postgresCpuS) * 1000 / n),
                    round((clientCpuS - before.clientCpuS) * 1000 / n), round(delta.commits() / n),
                    round(delta.walSyncs() / n),
                    delta.walSyncs() == 0 ? 0 : round(delta.walSyncMs() / delta.walSyncs()),
                    Math.round(delta.walBytes() / n), serverMeanMs == null ? null : round(serverMeanMs));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
