package org.riskbudget.projection;

import java.util.ArrayList;
import java.util.List;
import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.riskbudget.standalone.KafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as it runs in production, on a topic, consumer group and database of a test's own. */
final class StandaloneApplication {

    private StandaloneApplication() {}

    static ConfigurableApplicationContext start(String database, String topic, String group, String... more) {
        EmbeddedPostgresServer server = TestInfrastructure.database(database);
        // Command-line arguments, as in production: they take precedence over application.yml.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(),
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.shared().bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--projection.security.issuer=" + TestTokens.ISSUER,
                "--projection.consumer.topic=" + topic,
                "--projection.consumer.group=" + group));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ProjectionServiceApplication.class).run(arguments.toArray(String[]::new));
    }
}
