package org.riskbudget.ledger;

import org.riskbudget.standalone.KafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole ledger-service over real HTTP against a real PostgreSQL and a real Kafka broker, with the local token
 * issuer. Tests share one application context, one database and one broker, so each test works in regimes of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {LedgerApiTest.LOCAL_ISSUER, LedgerApiTest.ISSUER_KEY, LedgerApiTest.FREQUENT_SNAPSHOTS,
            LedgerApiTest.FREQUENT_EXPIRY_SWEEPS})
public abstract class LedgerServiceTest extends LedgerApiTest {

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        SharedDatabase.register(registry, SharedDatabase.NAME);
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
    }
}
