package org.riskbudget.contracts.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A plain HTTP client for tests that call the services as any client would, with tokens from the dev issuer. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI tokenIssuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** @param tokenIssuer base URI of the ledger-service whose {@code /api/v1/dev/tokens} issues tokens */
    public ApiClient(URI tokenIssuer) {
        this.tokenIssuer = tokenIssuer;
    }

    public record Answer(int status, String contentType, JsonNode body, String text) {

        public String code() {
            return body.path("code").asString("");
        }
    }

    /** A token for the role, and for COMPANY the company; null companyId for other roles. */
    public String token(String role, String companyId) {
        return tokens.computeIfAbsent(role + "/" + companyId, key -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("role", role);
            if (companyId != null) {
                body.put("companyId", companyId);
            }
            Answer answer = send(HttpRequest.newBuilder(tokenIssuer.resolve("/api/v1/dev/tokens")).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (answer.status() != 200) {
                throw new AssertionError("no token for " + key + ": " + answer.status() + " " + answer.text());
            }
            return answer.body().get("token").asString();
        });
    }

    /**
     * Sends a request. {@code token} and {@code idempotencyKey} may be null; {@code body} is sent verbatim as JSON
     * when not null.
     */
    public Answer send(String method, URI uri, String token, String body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(builder);
    }

    public Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return JsonNodeFactory.instance.missingNode();
        }
    }
}
