package org.riskbudget.platform.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A service's data source: the database named by {@code spring.datasource.*}, or, when none is named, a real
 * PostgreSQL from Maven artefacts that keeps its data in a directory across restarts, so the service runs on a
 * machine with only a JDK. The embedded server starts and stops with the application context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
public class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);
    private static final String URL = "spring.datasource.url";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    @Conditional(DataSourceConfigured.class)
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoDataSourceConfigured.class)
    @EnableConfigurationProperties(EmbeddedPostgresSettings.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresSettings settings) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.dataDirectory(), settings.port());
            log.info("Embedded PostgreSQL on port {} with data in {}", server.port(),
                    settings.dataDirectory().toAbsolutePath());
            return server;
        }

        @Bean(name = "dataSource")
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource embeddedDataSource(EmbeddedPostgresServer server, EmbeddedPostgresSettings settings) {
            server.createDatabaseIfMissing(settings.database());
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(server.jdbcUrl(settings.database()));
            dataSource.setUsername(server.username());
            dataSource.setPassword(server.password());
            return dataSource;
        }
    }

    static final class DataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().containsProperty(URL);
        }
    }

    static final class NoDataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty(URL);
        }
    }
}
