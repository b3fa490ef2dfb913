package org.riskbudget.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.bench.history.RawTopicRead;
import org.riskbudget.bench.history.TopicHistory;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 3: rebuild. A topic of its own is filled with N valid events of several regimes; a plain consumer
 * reads it all (the reference rate); then a projection-service of its own (own database, own consumer group), which
 * had caught up on the topic and is idle, rebuilds on the regulator's request ({@code POST /api/v1/admin/rebuild}:
 * the read model is emptied and the topic replayed), timed until every regime's budget shows its last sequence.
 */
final class RebuildBenchmark {

    static final String TOPIC = "bench-rebuild-events";
    private static final Duration COMPLETION_TIMEOUT = Duration.ofMinutes(30);

    /**
     * @param writeSeconds   how long generating and writing the topic took (not a benchmark figure)
     * @param rebuildSeconds from the rebuild request to every regime's last sequence in the read model
     * @param ratio          rebuild records/s ÷ raw consumer records/s
     */
    record Result(long events, int regimes, long topicBytes, double writeSeconds, RawTopicRead.Result rawConsumer,
            double rebuildSeconds, double rebuildEventsPerSecond, double rebuildMibPerSecond, double ratio) {}

    private RebuildBenchmark() {}

    static Result run(BenchEnvironment environment, ServiceProcess ledger, Settings settings) {
        HttpApi api = environment.api();
        TopicHistory.createTopic(environment.bootstrapServers(), TOPIC);
        try (ServiceProcess projection = environment.projection("projection-rebuild", Databases.REBUILD,
                ledger.base(), TOPIC, "bench-rebuild")) {
            // The projection starts while the topic is written (it may consume as it goes): nothing is timed yet.
            projection.start();
            List<String> regimeIds = TopicHistory.regimeIdsSpreadOverPartitions("rebuild", settings.rebuildRegimes());
            TopicHistory.Written written = TopicHistory.write(environment.bootstrapServers(), TOPIC, regimeIds,
                    settings.rebuildEvents());
            Progress.line("rebuild", "topic %s: %,d events of %d regimes, %.1f MiB, written in %.1f s", TOPIC,
                    written.events(), regimeIds.size(), written.bytes() / 1048576.0, written.seconds());
            projection.awaitReady();
            String regulator = api.token(ledger.base(), "REGULATOR", null);
            awaitAll(api, projection.base(), regulator, written.lastSequences(), "first catch-up");
            Progress.line("rebuild", "the projection has caught up; now idle");

            // Both timed reads run while nothing else consumes: first the plain consumer, then the rebuild. The
            // consumer reads twice and its faster read counts: a first read in a cold JVM varied by half from run
            // to run, and a slow reference would flatter the rebuild.
            RawTopicRead.Result raw = RawTopicRead.faster(
                    RawTopicRead.read(environment.bootstrapServers(), TOPIC, written.events()),
                    RawTopicRead.read(environment.bootstrapServers(), TOPIC, written.events()));
            Progress.line("rebuild", "raw consumer: %,.0f records/s, %.1f MiB/s", raw.recordsPerSecond(),
                    raw.mibPerSecond());
            long requestedNs = System.nanoTime();
            api.require(HttpApi.post(projection.base().resolve("/api/v1/admin/rebuild"), regulator, "{}", null));
            awaitAll(api, projection.base(), regulator, written.lastSequences(), "rebuild");
            double rebuildSeconds = (System.nanoTime() - requestedNs) / 1e9;
            double rate = written.events() / rebuildSeconds;
            Result result = new Result(written.events(), regimeIds.size(), written.bytes(), written.seconds(), raw,
                    rebuildSeconds, rate, raw.bytes() / rebuildSeconds / 1048576.0, rate / raw.recordsPerSecond());
            Progress.line("rebuild", "rebuild: %.1f s, %,.0f events/s, %.0f %% of the raw consumer's rate",
                    rebuildSeconds, rate, result.ratio() * 100);
            return result;
        }
    }

    /**
     * Waits until every regime's budget shows its last sequence. Each read waits on the server for the sequence
     * ({@code minSequence}, a few seconds at most, then 503), so this loop does not spin; progress is the sum of
     * the regimes' applied sequences.
     */
    @SuppressWarnings("try") // the progress ticker reports while the block runs, which never names it
    private static void awaitAll(HttpApi api, URI projection, String token, Map<String, Long> lastSequences,
            String phase) {
        long total = lastSequences.values().stream().mapToLong(Long::longValue).sum();
        long deadlineNs = System.nanoTime() + COMPLETION_TIMEOUT.toNanos();
        try (var ticker = Progress.every(5_000, "rebuild", () -> String.format("%s: %,d of %,d events applied",
                phase, applied(api, projection, token), total))) {
            for (Map.Entry<String, Long> regime : lastSequences.entrySet()) {
                URI budget = projection.resolve("/api/v1/regimes/" + regime.getKey() + "/budget?minSequence="
                        + regime.getValue());
                while (!api.send(HttpApi.get(budget, token)).isSuccess()) {
                    if (System.nanoTime() - deadlineNs > 0) {
                        throw new IllegalStateException(phase + " did not finish within " + COMPLETION_TIMEOUT);
                    }
                }
            }
        }
    }

    private static long applied(HttpApi api, URI projection, String token) {
        JsonNode page = api.send(HttpApi.get(projection.resolve("/api/v1/regimes?limit=1000"), token)).json();
        long sum = 0;
        for (JsonNode regime : page.path("items")) {
            sum += regime.path("lastSequence").asLong();
        }
        return sum;
    }
}
