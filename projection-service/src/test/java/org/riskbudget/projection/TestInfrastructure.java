package org.riskbudget.projection;

import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.riskbudget.standalone.KafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL and one real broker for the whole test run; each context gets a database of its own. */
final class TestInfrastructure {

    private TestInfrastructure() {}

    static EmbeddedPostgresServer database(String name) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        server.createDatabaseIfMissing(name);
        return server;
    }

    static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgresServer server = database(database);
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("projection.security.issuer", () -> TestTokens.ISSUER);
    }
}
