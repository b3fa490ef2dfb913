package org.riskbudget.ledger.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database lives, kept across restarts
 * @param port          0 picks a free port at each start
 * @param database      the database the ledger uses in it
 */
@ConfigurationProperties("ledger.embedded-postgres")
record EmbeddedPostgresSettings(@DefaultValue("data/ledger-postgres") Path dataDirectory, @DefaultValue("0") int port,
        @DefaultValue("ledger") String database) {}
