package org.riskbudget.bench.reliability;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads from projection-service with {@code minSequence}: each read waits, bounded, for the projection to have
 * applied the sequence and answers 503 until then, so a read is repeated until it answers 200 or time runs out.
 */
final class ProjectionReads {

    static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(3);

    private ProjectionReads() {}

    static JsonNode budget(ApiClient client, URI projection, String regimeId, long minSequence) {
        return read(client, projection.resolve("/api/v1/regimes/" + regimeId + "/budget?minSequence=" + minSequence));
    }

    static JsonNode company(ApiClient client, URI projection, String regimeId, String companyId, long minSequence) {
        return read(client, projection.resolve("/api/v1/regimes/" + regimeId + "/companies/" + companyId
                + "?minSequence=" + minSequence));
    }

    private static JsonNode read(ApiClient client, URI uri) {
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        AtomicReference<JsonNode> body = new AtomicReference<>();
        try {
            Awaitility.await("projection answers " + uri).atMost(CONVERGENCE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250)).ignoreException(UncheckedIOException.class)
                    .until(() -> {
                        ApiClient.Answer answer = client.send("GET", uri, client.token("VIEWER", null), null, null);
                        last.set(answer.status() + " " + answer.text());
                        body.set(answer.body());
                        return answer.status() == 200;
                    });
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("the projection did not converge within " + CONVERGENCE_TIMEOUT + ": " + uri
                    + " last answered " + last.get(), timeout);
        }
        return body.get();
    }
}
