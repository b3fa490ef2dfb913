package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.standalone.KafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outside standalone mode the development token endpoints do not exist, and the ledger trusts only the issuer it is
 * configured with (here one that cannot be reached, so nothing is trusted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unreachable/jwks")
class WithoutLocalIssuerTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        SharedDatabase.register(registry, "ledger_without_issuer");
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
    }

    @Test
    void theDevelopmentTokenEndpointsDoNotExist() {
        URI base = URI.create("http://localhost:" + port);
        ApiClient client = new ApiClient(base);

        assertThat(client.send("POST", base.resolve("/api/v1/dev/tokens"), null, "{\"role\":\"REGULATOR\"}", null)
                .status()).isEqualTo(404);
        assertThat(client.send("GET", base.resolve("/api/v1/dev/jwks"), null, null, null).status()).isEqualTo(404);
    }
}
