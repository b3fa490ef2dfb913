package org.riskbudget.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One service of the stack as a real process, started from its runnable jar the way the standalone launcher starts
 * it, with its output in a log file. It can be stopped cleanly or killed with SIGKILL and started again.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final List<String> arguments;
    private final int port;
    private final Path logDirectory;
    private Process process;
    private int starts;

    ServiceProcess(String name, Path jar, List<String> arguments, int port, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.logDirectory = logDirectory;
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(logDirectory);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDirectory.resolve(name + "-" + (++starts) + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    ServiceProcess awaitReady() {
        Awaitility.await(name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + logDirectory);
                    }
                    return HTTP.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, the embedded PostgreSQL is left orphaned. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: a graceful stop. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }
}
