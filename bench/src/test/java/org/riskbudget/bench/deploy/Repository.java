package org.riskbudget.bench.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's files as the deploy tests read them: paths relative to the bench module (Surefire runs in it),
 * strict YAML and JSON parsing (a duplicate key is an error, not a silent override), and small accessors for the
 * untyped trees SnakeYAML and Jackson return.
 */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path DEPLOY = ROOT.resolve("deploy");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern PROJECT_VERSION = Pattern.compile(
            "<artifactId>risk-budget-ledger</artifactId>\\s*<version>([^<]+)</version>");

    private Repository() {}

    private static Path locateRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("the deploy tests run in the bench module; no repository root above "
                    + Path.of("").toAbsolutePath());
        }
        return root;
    }

    /** The root pom's version, which the images are tagged with and the jars are named after. */
    static String projectVersion() {
        Matcher matcher = PROJECT_VERSION.matcher(read(ROOT.resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no <version> after the root artifactId in pom.xml");
        }
        return matcher.group(1).trim();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file; merge keys ({@code <<}) are resolved, duplicate keys refused. */
    static List<Object> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(read(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static Map<String, Object> yaml(Path file) {
        List<Object> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " has " + documents.size() + " documents, not one");
        }
        return map(documents.get(0), file.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) {
        return JSON.readValue(file.toFile(), LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonText(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    /** The lines {@code NAME=value} of an env file (kustomize's configMapGenerator envs), comments skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new IllegalStateException(file + ": not NAME=value: " + line);
            }
            entries.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return entries;
    }

    static List<Path> files(Path directory, String... suffixes) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.toString().endsWith(suffix)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(where + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException(where + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        return list(parent.get(key), key);
    }

    static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        return list(parent, key).stream().map(item -> map(item, key)).toList();
    }

    /** The mapping at a dotted path, or an empty one when any step is absent. */
    static Map<String, Object> path(Map<String, Object> root, String dotted) {
        Map<String, Object> current = root;
        for (String step : dotted.split("\\.")) {
            current = map(current.get(step), dotted);
        }
        return current;
    }

    static String string(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
