package org.riskbudget.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL a service starts when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database lives, kept across restarts; each service sets its own
 * @param port          0 picks a free port at each start
 * @param database      the database the service uses in it
 */
@ConfigurationProperties("embedded-postgres")
record EmbeddedPostgresSettings(Path dataDirectory, @DefaultValue("0") int port, String database) {

    EmbeddedPostgresSettings {
        if (dataDirectory == null || database == null) {
            throw new IllegalArgumentException("embedded-postgres.data-directory and embedded-postgres.database "
                    + "must be set when no spring.datasource.url is");
        }
    }
}
