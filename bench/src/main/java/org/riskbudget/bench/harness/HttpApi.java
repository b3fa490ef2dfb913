package org.riskbudget.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP as any client of the services speaks it: JSON bodies, bearer tokens from the ledger's development issuer
 * (fetched once per role and company), idempotency keys. One client, HTTP/1.1 with kept-alive connections, serves
 * every load thread, so the ledger and the naive baseline are called in exactly the same way.
 */
public final class HttpApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4, daemon()))
            .build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** An answer: the status and the body as text, parsed on demand. */
    public record Answer(int status, String text) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return text == null || text.isBlank() ? JsonNodeFactory.instance.missingNode()
                    : LedgerJson.mapper().readTree(text);
        }

        /** The regime sequence a successful command answers with. */
        public long sequence() {
            return json().path("sequence").asLong(-1);
        }
    }

    /** A token from {@code issuer}'s development endpoint; {@code companyId} only for COMPANY. Cached. */
    public String token(URI issuer, String role, String companyId) {
        return tokens.computeIfAbsent(issuer + "|" + role + "|" + companyId, key -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("role", role);
            if (companyId != null) {
                body.put("companyId", companyId);
            }
            Answer answer = send(post(issuer.resolve("/api/v1/dev/tokens"), null, body.toString(), null));
            if (answer.status() != 200) {
                throw new IllegalStateException("no token for " + key + ": " + answer.status() + " " + answer.text());
            }
            return answer.json().get("token").asString();
        });
    }

    public static HttpRequest post(URI uri, String token, String json, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    public static HttpRequest get(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    /** Sends and insists on success: for set-up steps, where a failure means the benchmark cannot go on. */
    public Answer require(HttpRequest request) {
        Answer answer = send(request);
        if (!answer.isSuccess()) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + answer.status()
                    + ": " + answer.text());
        }
        return answer;
    }

    /** The streaming client used for server-sent events: the same settings, its own connection. */
    HttpClient client() {
        return http;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "http-client");
            thread.setDaemon(true);
            return thread;
        };
    }
}
