package org.riskbudget.bench.harness;

/** Reads a sum out of a Prometheus text exposition, without a client library for one number. */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of the samples of {@code metric} (exact name, e.g. {@code ledger_commands_seconds_count}) whose
     * labels contain {@code labelFragment} (e.g. {@code outcome="accepted"}; empty for all).
     */
    public static double sum(String exposition, String metric, String labelFragment) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!(rest.startsWith("{") || rest.startsWith(" ")) || !rest.contains(labelFragment)) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            total += Double.parseDouble(parts[parts.length - 1]);
        }
        return total;
    }
}
