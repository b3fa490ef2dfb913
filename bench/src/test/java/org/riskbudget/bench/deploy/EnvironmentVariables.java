package org.riskbudget.bench.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an environment variable set for a service is a setting the service reads, by Spring Boot's relaxed binding
 * from the environment: {@code LEDGER_PUBLISHING_REPLICATION_FACTOR} binds {@code ledger.publishing.replication-factor}
 * (dashes become underscores, the form Boot calls legacy) and so does {@code LEDGER_PUBLISHING_REPLICATIONFACTOR}
 * (dashes removed, Boot's canonical form). A variable that binds nothing is silently ignored by Spring, which is
 * exactly the mistake these checks exist to catch.
 */
final class EnvironmentVariables {

    /**
     * Standard Spring Boot settings the deployment may use although the services' own files do not name them. Each
     * is a group Boot binds as a whole; kept short on purpose, so that a new group is a deliberate decision.
     */
    static final List<String> STANDARD_PREFIXES = List.of(
            "spring.datasource.",                         // DataSourceProperties and Hikari: url, username, password
            "spring.kafka.",                              // KafkaProperties: bootstrap servers, security
            "spring.security.oauth2.resourceserver.jwt.", // the external issuer: issuer-uri, jwk-set-uri, audiences
            "server.",                                    // ServerProperties
            "management.",                                // actuator and metrics
            "logging.");                                  // log levels
    /** Single standard settings outside those groups. */
    static final Set<String> STANDARD_PROPERTIES = Set.of("spring.profiles.active");
    /** Read by the JVM itself, not by Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private EnvironmentVariables() {}

    static boolean isKnown(String variable, ServiceSettings service) {
        return JVM_VARIABLES.contains(variable) || isOwnSetting(variable, service)
                || STANDARD_PROPERTIES.stream().anyMatch(property -> names(variable, property))
                || STANDARD_PREFIXES.stream().anyMatch(prefix -> underPrefix(variable, prefix));
    }

    /** Whether the service's own files (yml, records, placeholders, bound beans) name the setting. */
    static boolean isOwnSetting(String variable, ServiceSettings service) {
        return service.properties().stream().anyMatch(property -> names(variable, property))
                || service.boundPrefixes().stream().anyMatch(prefix -> underPrefix(variable, prefix));
    }

    /** Whether the variable is one of the two environment forms of the property. */
    static boolean names(String variable, String property) {
        return variable.equals(canonical(property)) || variable.equals(legacy(property));
    }

    private static boolean underPrefix(String variable, String prefix) {
        String group = prefix.substring(0, prefix.length() - 1);
        return variable.startsWith(canonical(group) + "_") || variable.startsWith(legacy(group) + "_");
    }

    /** {@code a.b-c.d} → {@code A_BC_D}. */
    static String canonical(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code a.b-c.d} → {@code A_B_C_D}. */
    static String legacy(String property) {
        return property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
