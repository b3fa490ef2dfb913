package org.riskbudget.bench.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standard settings a service's runnable jar knows: the {@code spring-configuration-metadata.json} of every
 * Spring Boot module inside it. Lets the deploy tests tell {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} (a setting) from
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVER} (ignored by Spring) inside the groups the allowlist admits as a whole.
 *
 * @param properties   every property name, kebab-case
 * @param mapPrefixes  map-valued properties, ending in '.': any key below them binds
 */
record BootMetadata(Set<String> properties, Set<String> mapPrefixes) {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String ADDITIONAL = "META-INF/additional-spring-configuration-metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The runnable jar Maven built for the service, when the build put its path in a system property. */
    static Optional<Path> execJar(ServiceSettings service) {
        String property = service.name().replace("-service", "") + ".jar"; // ledger.jar, projection.jar (bench/pom.xml)
        return Optional.ofNullable(System.getProperty(property)).map(Path::of).filter(Files::isRegularFile);
    }

    static BootMetadata read(Path execJar) {
        Set<String> properties = new TreeSet<>();
        Set<String> mapPrefixes = new TreeSet<>();
        try (ZipFile jar = new ZipFile(execJar.toFile())) {
            for (ZipEntry library : jar.stream().filter(entry -> entry.getName().startsWith("BOOT-INF/lib/spring-boot")
                    && entry.getName().endsWith(".jar")).toList()) {
                try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(library))) {
                    for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                        if (entry.getName().equals(METADATA) || entry.getName().equals(ADDITIONAL)) {
                            collect(JSON.readTree(readAll(nested)), properties, mapPrefixes);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BootMetadata(Set.copyOf(properties), Set.copyOf(mapPrefixes));
    }

    boolean knows(String variable) {
        return properties.stream().anyMatch(property -> EnvironmentVariables.names(variable, property))
                || mapPrefixes.stream().anyMatch(prefix -> {
                    String map = prefix.substring(0, prefix.length() - 1);
                    return variable.startsWith(EnvironmentVariables.canonical(map) + "_")
                            || variable.startsWith(EnvironmentVariables.legacy(map) + "_");
                });
    }

    private static void collect(JsonNode metadata, Set<String> properties, Set<String> mapPrefixes) {
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            properties.add(name);
            if (property.path("type").asString("").startsWith("java.util.Map")) {
                mapPrefixes.add(name + ".");
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Metadata per service, read once. */
    static final Map<String, Optional<BootMetadata>> BY_SERVICE = Map.of(
            ServiceSettings.LEDGER.name(), execJar(ServiceSettings.LEDGER).map(BootMetadata::read),
            ServiceSettings.PROJECTION.name(), execJar(ServiceSettings.PROJECTION).map(BootMetadata::read));
}
