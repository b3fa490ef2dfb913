package org.riskbudget.projection.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the read model lives, kept across restarts
 * @param port          0 picks a free port at each start
 * @param database      the database the projection uses in it
 */
@ConfigurationProperties("projection.embedded-postgres")
record EmbeddedPostgresSettings(@DefaultValue("data/projection-postgres") Path dataDirectory,
        @DefaultValue("0") int port, @DefaultValue("projection") String database) {}
