package org.riskbudget.bench.reliability;

import java.net.URI;
import org.riskbudget.bench.harness.PrometheusText;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * What the hostile tests must leave as it was: the hostile regime's events, byte for byte, and the number of
 * commands the ledger accepted in any regime (its {@code ledger.commands} timer, outcome {@code accepted}), so a
 * hostile request that opened a regime of its own would show too.
 */
record StoreState(String auditLog, long acceptedCommands) {

    static StoreState of(ApiClient client, URI ledger, String regimeId) {
        return new StoreState(AuditLog.export(client, ledger, regimeId).text(), acceptedCommands(client, ledger));
    }

    /** Null when nothing changed; otherwise what did. */
    String changesSince(StoreState before) {
        if (before.equals(this)) {
            return null;
        }
        return "the event store changed: the hostile regime's log went from " + before.auditLog.lines().count()
                + " to " + auditLog.lines().count() + " events"
                + (auditLog.equals(before.auditLog) ? " (same content)" : " (content differs)")
                + ", commands accepted by the ledger from " + before.acceptedCommands + " to " + acceptedCommands;
    }

    private static long acceptedCommands(ApiClient client, URI ledger) {
        ApiClient.Answer metrics = client.send("GET", ledger.resolve("/actuator/prometheus"), null, null, null);
        if (metrics.status() != 200) {
            throw new AssertionError("cannot read the ledger's metrics: " + metrics.status());
        }
        return (long) PrometheusText.sum(metrics.text(), "ledger_commands_seconds_count", "outcome=\"accepted\"");
    }
}
