package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.riskbudget.contracts.scenario.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Standalone mode's anonymous viewers: without a token a caller reads what a VIEWER may, the stream included, but
 * never a statement and never a rebuild; a bad token is still refused. A context of its own, on its own topic and
 * database, with the setting on; closed after the class, while the shared broker is still there, so it neither
 * lingers in the context cache nor waits for an absent broker when the run ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "projection.security.anonymous-viewers=true",
    "projection.consumer.topic=ledger-events-anonymous-test",
    "projection.consumer.group=projection-anonymous-test",
    "projection.stream.heartbeat-interval=1s"
})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousViewersTest {

    private static final String TOPIC = "ledger-events-anonymous-test";

    @LocalServerPort
    private int port;

    private final ApiClient client = new ApiClient(URI.create("http://localhost:1"));
    private String base;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "projection_anonymous_test");
    }

    @BeforeAll
    void aRegime() {
        RegimeEvents regime = new RegimeEvents(RegimeEvents.uniqueRegimeId("anonymous"), ProjectionServiceTest.start());
        regime.open("anonymous", 2_500_000);
        regime.register("a", "A");
        try (TopicWriter writer = new TopicWriter(TOPIC)) {
            writer.send(regime.all());
        }
        base = "/api/v1/regimes/" + regime.regimeId.value();
        Awaitility.await("the regime is projected").atMost(Duration.ofSeconds(30))
                .until(() -> anonymous(base + "/budget?minSequence=2").status() == 200);
    }

    @Test
    void aCallerWithoutATokenReadsAsAViewer() throws Exception {
        assertThat(anonymous(base + "/budget").body().get("lastSequence").asLong()).isEqualTo(2);
        assertThat(anonymous(base + "/companies").status()).isEqualTo(200);
        assertThat(anonymous("/api/v1/regimes").status()).isEqualTo(200);
        try (SseClient stream = new SseClient(uri(base + "/stream"), null, null)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void butNeverReadsAStatementNorRebuilds() {
        assertThat(anonymous(base + "/companies/a/statement").status()).isEqualTo(401);
        assertThat(client.send("POST", uri("/api/v1/admin/rebuild"), null, null, null).status()).isEqualTo(401);
        assertThat(anonymous("/actuator/env").status()).isEqualTo(401);
    }

    @Test
    void aBadTokenIsStillRefused() {
        ApiClient.Answer answer = client.send("GET", uri(base + "/budget"), "not-a-token", null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.send("GET", uri(base + "/budget"), TestTokens.signedByAnotherKey("VIEWER"), null, null)
                .status()).isEqualTo(401);
    }

    private ApiClient.Answer anonymous(String path) {
        return client.send("GET", uri(path), null, null, null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
