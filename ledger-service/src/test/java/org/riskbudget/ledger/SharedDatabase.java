package org.riskbudget.ledger;

import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test run; each Spring context and child process points at a database in it.
 * Contexts that run their own publisher use a database of their own: two publishers on one event store share one
 * processing token, and only one of them publishes.
 */
public final class SharedDatabase {

    public static final String NAME = "ledger_test";

    private SharedDatabase() {}

    /** The shared server, with the named database created if needed. */
    public static EmbeddedPostgresServer server(String database) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        server.createDatabaseIfMissing(database);
        return server;
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgresServer server = server(database);
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
    }
}
