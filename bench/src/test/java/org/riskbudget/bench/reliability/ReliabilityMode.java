package org.riskbudget.bench.reliability;

/**
 * How hard the reliability tests push. CI mode by default, bounded so the bench module's run stays within a few
 * minutes on two cores; long mode with {@code -Dreliability.long=true}, as the issue asks of the bench's long run.
 * {@code -Dreliability.seed=N} replays the generated cases of an earlier run.
 *
 * @param ledgerKills     kill -9 and restart cycles of ledger-service under load
 * @param projectionKills kill -9 and restart cycles of projection-service while events flow
 * @param brokerRestarts  stop and start cycles of the Kafka broker while the ledger takes commands
 * @param hostileCases    generated hostile requests, over both services
 * @param seed            seeds every generator, printed with each failure so a run can be replayed
 */
record ReliabilityMode(boolean isLong, int ledgerKills, int projectionKills, int brokerRestarts, int hostileCases,
        long seed) {

    static ReliabilityMode current() {
        boolean isLong = Boolean.getBoolean("reliability.long");
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        return isLong ? new ReliabilityMode(true, 20, 20, 20, 10_000, seed)
                : new ReliabilityMode(false, 5, 5, 5, 1_000, seed);
    }

    @Override
    public String toString() {
        return (isLong ? "long" : "CI") + " mode (" + ledgerKills + " ledger kills, " + projectionKills
                + " projection kills, " + brokerRestarts + " broker restarts, " + hostileCases
                + " hostile cases, -Dreliability.seed=" + seed + ")";
    }
}
