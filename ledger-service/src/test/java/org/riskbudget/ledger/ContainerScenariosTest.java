package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.riskbudget.contracts.scenario.Scenario;
import org.riskbudget.contracts.scenario.ScenarioRunner;
import org.riskbudget.contracts.scenario.Scenarios;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The command-side scenarios against PostgreSQL in a container, where Docker exists; skipped without Docker, where
 * {@link CommandSideScenariosTest} runs the same scenarios on the embedded PostgreSQL.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ledger.security.local-issuer.enabled=true"
})
class ContainerScenariosTest {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17.6-alpine");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
    }

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void commandStepsAnswerAsTheScenarioSays(Scenario scenario) {
        ScenarioRunner.Report report = new ScenarioRunner(URI.create("http://localhost:" + port), null).run(scenario);

        assertThat(report.stepsRun()).isPositive();
    }
}
