package org.riskbudget.ledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A real PostgreSQL from Maven artefacts when no database is configured, so the ledger runs on a machine with only
 * a JDK and keeps its data in a directory across restarts. Configure {@code spring.datasource.url} and this steps
 * aside for Boot's usual data source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresSettings settings) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.dataDirectory(), settings.port());
        log.info("Embedded PostgreSQL on port {} with data in {}", server.port(), settings.dataDirectory().toAbsolutePath());
        return server;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server, EmbeddedPostgresSettings settings) {
        server.createDatabaseIfMissing(settings.database());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(settings.database()));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("ledger");
        return dataSource;
    }

    static final class NoDataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
