package org.riskbudget.contracts.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Every scenario under {@code scenarios/} on the class path, so a new file runs without changing any test. */
public final class Scenarios {

    private static final String FOLDER = "scenarios";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Scenarios() {}

    public static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : names()) {
            scenarios.add(load(name));
        }
        if (scenarios.isEmpty()) {
            throw new IllegalStateException("no scenarios found under " + FOLDER + "/ on the class path");
        }
        return scenarios;
    }

    public static Scenario load(String fileName) {
        try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(FOLDER + "/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + fileName);
            }
            return JSON.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names() {
        URL folder = Scenarios.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(folder.toURI(), Map.of())) {
                    return jsonFiles(jar.getPath(FOLDER));
                }
            }
            return jsonFiles(Path.of(folder.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted()
                    .toList();
        }
    }
}
