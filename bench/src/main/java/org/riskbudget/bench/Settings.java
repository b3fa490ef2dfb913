package org.riskbudget.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sizes of one run. {@code --quick} (the default) fits in about five minutes; {@code --full} is the issue's
 * figures. Any size can be overridden with {@code --name=value} (for example {@code --rebuild-events=5000}) to try
 * the harness quickly, and {@code --only=write,freshness,rebuild,footprint} runs some benchmarks only; such a run
 * is marked as customised in the results.
 */
record Settings(
        String mode,
        Set<String> benchmarks,
        int writeClients,
        int connectionPoolSize,
        Duration writeWarmup,
        Duration writeMeasured,
        Duration singleClientMeasured,
        int freshnessRatePerSecond,
        int freshnessRegimes,
        Duration freshnessWarmup,
        Duration freshnessMeasured,
        long rebuildEvents,
        int rebuildRegimes,
        long footprintEvents,
        Map<String, String> overrides) {

    /**
     * Connections beyond one per client. A ledger command holds a connection while it waits for the regime's lock,
     * and the command holding the lock needs a second one when it takes a snapshot: with fewer connections than
     * clients the snapshot waits for the pool's timeout (30 s) at every 250th event. Both services get the same pool.
     */
    static final int POOL_HEADROOM = 8;
    static final Set<String> ALL = Set.of("write", "freshness", "rebuild", "footprint");

    static Settings parse(String... args) {
        boolean full = false;
        Map<String, String> overrides = new LinkedHashMap<>();
        // Maven passes bench.args as one argument: its words are the arguments.
        List<String> words = Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+")))
                .filter(word -> !word.isEmpty()).toList();
        for (String arg : words) {
            if (arg.equals("--full")) {
                full = true;
            } else if (arg.equals("--quick")) {
                full = false;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; use --quick, --full, --only=…, "
                        + "or --name=value overrides (see Settings)");
            }
        }
        Map<String, String> remaining = new LinkedHashMap<>(overrides);
        int clients = integer(remaining, "write-clients", full ? 64 : 16);
        Settings settings = new Settings(full ? "full" : "quick",
                remaining.containsKey("only") ? Set.of(remaining.remove("only").split(",")) : ALL,
                clients,
                integer(remaining, "pool-size", clients + POOL_HEADROOM),
                seconds(remaining, "write-warmup-seconds", full ? 90 : 40),
                seconds(remaining, "write-seconds", full ? 60 : 20),
                seconds(remaining, "single-client-seconds", full ? 10 : 5),
                integer(remaining, "freshness-rate", 1000),
                integer(remaining, "freshness-regimes", 8),
                seconds(remaining, "freshness-warmup-seconds", 5),
                seconds(remaining, "freshness-seconds", full ? 60 : 20),
                integer(remaining, "rebuild-events", full ? 1_000_000 : 100_000),
                integer(remaining, "rebuild-regimes", 12),
                integer(remaining, "footprint-events", full ? 1_000_000 : 100_000),
                Map.copyOf(overrides));
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("unknown settings " + remaining.keySet());
        }
        if (!ALL.containsAll(settings.benchmarks())) {
            throw new IllegalArgumentException("--only takes some of " + ALL);
        }
        return settings;
    }

    boolean runs(String benchmark) {
        return benchmarks.contains(benchmark);
    }

    private static int integer(Map<String, String> overrides, String name, int fallback) {
        String value = overrides.remove(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static Duration seconds(Map<String, String> overrides, String name, int fallback) {
        return Duration.ofSeconds(integer(overrides, name, fallback));
    }
}
