package org.riskbudget.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A second JVM on the test class path, so tests can kill -9 a process that started a server. */
final class ChildJvm implements AutoCloseable {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr go to {@code output}. */
    static ChildJvm start(Class<?> mainClass, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output);
    }

    /** Waits (bounded) for a line starting with {@code prefix} and returns the rest of it. */
    String awaitLine(String prefix, Duration timeout) {
        return await().atMost(timeout)
                .until(() -> lineAfter(prefix), Optional::isPresent)
                .orElseThrow();
    }

    /** SIGKILL: no shutdown hook runs, so whatever the child started is left behind as it was. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("child JVM survived SIGKILL for " + EXIT_TIMEOUT.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                killHard();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<String> lineAfter(String prefix) throws IOException {
        if (!process.isAlive() && !Files.exists(output)) {
            throw new IllegalStateException("child JVM exited with " + process.exitValue() + " and no output");
        }
        if (!Files.exists(output)) {
            return Optional.empty();
        }
        Optional<String> line = Files.readAllLines(output).stream()
                .filter(candidate -> candidate.startsWith(prefix))
                .map(candidate -> candidate.substring(prefix.length()).trim())
                .findFirst();
        if (line.isEmpty() && !process.isAlive()) {
            throw new IllegalStateException("child JVM exited with " + process.exitValue() + ":\n"
                    + Files.readString(output));
        }
        return line;
    }

    /** Surefire runs tests from a manifest-only jar; it publishes the real class path separately. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
