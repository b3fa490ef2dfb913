package org.riskbudget.ledger;

import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL for the whole test run; each Spring context and child process points at it. */
public final class SharedDatabase {

    public static final String NAME = "ledger_test";

    private SharedDatabase() {}

    public static EmbeddedPostgresServer server() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        server.createDatabaseIfMissing(NAME);
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer server = server();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(NAME));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
    }
}
