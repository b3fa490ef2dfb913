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
public final class ServiceProcess implements AutoCloseable {

    /** Generous: on a busy two-core machine a cold start has been seen to take 80 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * C1 only: a service starts in about 13 s instead of 22 s on two cores, which the reliability tests' restarts
     * add up. Tests measure correctness, not speed; the benchmarks run their own processes with the full JIT.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";
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

    public URI base() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", QUICK_START, "-jar", jar.toString(),
                "--server.port=" + port));
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

    public ServiceProcess awaitReady() {
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
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: a graceful stop. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    public boolean isAlive() {
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

    /** The lines of every log this process wrote, one log per start, that contain {@code text}. */
    public long logLinesContaining(String text) {
        long lines = 0;
        for (int start = 1; start <= starts; start++) {
            try (var log = Files.lines(logDirectory.resolve(name + "-" + start + ".log"))) {
                lines += log.filter(line -> line.contains(text)).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }
}
