package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.riskbudget.contracts.scenario.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole projection-service over real HTTP, consuming a real broker into a real PostgreSQL, with tokens from a
 * key the tests control. Test classes share one application context, one database and one topic, so each works in
 * regimes of its own; events are published as the ledger publishes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "projection.consumer.topic=" + ProjectionServiceTest.TOPIC,
    "projection.consumer.group=projection-test",
    "projection.consumer.retry-backoff-max=500ms",
    "projection.read.min-sequence-wait=2s",
    "projection.stream.heartbeat-interval=1s",
    "projection.metrics.refresh-interval=200ms"
})
public abstract class ProjectionServiceTest {

    static final String TOPIC = "ledger-events-test";
    private static TopicWriter writer;

    @LocalServerPort
    private int port;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected JdbcTemplate jdbc;

    protected final ApiClient client = new ApiClient(URI.create("http://localhost:1"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "projection_test");
    }

    /** One producer for the run, like the ledger's one publisher; its threads end with the JVM. */
    protected static synchronized TopicWriter topic() {
        if (writer == null) {
            writer = new TopicWriter(TOPIC);
        }
        return writer;
    }

    /** Events of a test start an hour ago, one second apart: in the past, in order, distinct. */
    protected static Instant start() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected ApiClient.Answer get(String path, String role, String companyId) {
        return client.send("GET", uri(path), TestTokens.token(role, companyId), null, null);
    }

    protected ApiClient.Answer viewer(String path) {
        return get(path, "VIEWER", null);
    }

    /** A VIEWER read that must succeed. */
    protected JsonNode read(String path) {
        return ok(viewer(path));
    }

    protected static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    /** The regime's budget once the projection applied {@code sequence}: reads its own writes. */
    protected JsonNode budgetAt(String regimeId, long sequence) {
        return read("/api/v1/regimes/" + regimeId + "/budget?minSequence=" + sequence);
    }

    protected static void assertProblem(ApiClient.Answer answer, int status, String code, String detailMentions) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
        if (detailMentions != null) {
            assertThat(answer.body().path("detail").asString()).contains(detailMentions);
        }
    }
}
