package org.riskbudget.bench.harness;

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
import java.util.stream.Stream;

/**
 * One service as a real process (a runnable jar, or a main class on a class path), with its output in a log file,
 * one per start. It can be stopped cleanly or killed with SIGKILL and started again. The benchmarks give every
 * service the same JVM settings ({@link #BENCHMARK_JVM}), so the ledger and the naive baseline run on equal terms;
 * the stack tests start theirs quickly ({@link #QUICK_START_JVM}).
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Heap and collector of every benchmarked service, with the full JIT. The initial heap is set because the JVM's
     * default is 1/64 of the machine's memory: on this 24 GB machine the whole 384 MB heap from the start, so the
     * footprint measured the host rather than the service. 32 MB is about what the images' containers start with
     * (1/64 of a 2 GB limit).
     */
    public static final List<String> BENCHMARK_JVM = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC");
    /**
     * C1 only: a service starts in about 13 s instead of 22 s on two cores, which the reliability tests' restarts
     * add up. Tests measure correctness, not speed.
     */
    public static final List<String> QUICK_START_JVM = Stream.concat(BENCHMARK_JVM.stream(),
            Stream.of("-XX:TieredStopAtLevel=1")).toList();
    /** Generous: on a busy two-core machine a cold start has been seen to take 80 s. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> jvmOptions;
    private final List<String> launch;
    private final List<String> arguments;
    private final int port;
    private final String readinessPath;
    private final Path logDirectory;
    private Process process;
    private int starts;
    private long readyMs;

    private ServiceProcess(String name, List<String> jvmOptions, List<String> launch, List<String> arguments, int port,
            String readinessPath, Path logDirectory) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.launch = List.copyOf(launch);
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.readinessPath = readinessPath;
        this.logDirectory = logDirectory;
    }

    /** A Spring Boot service from its runnable jar, ready when its readiness probe answers 200. */
    public static ServiceProcess jar(String name, List<String> jvmOptions, Path jar, List<String> arguments, int port,
            Path logDirectory) {
        return new ServiceProcess(name, jvmOptions, List.of("-jar", jar.toString()), arguments, port,
                "/actuator/health/readiness", logDirectory);
    }

    /** A main class on this JVM's class path, ready when {@code readinessPath} answers 200. */
    public static ServiceProcess mainClass(String name, Class<?> main, List<String> arguments, int port,
            String readinessPath, Path logDirectory) {
        return new ServiceProcess(name, BENCHMARK_JVM, List.of("-cp", System.getProperty("java.class.path"),
                main.getName()), arguments, port, readinessPath, logDirectory);
    }

    public URI base() {
        return URI.create("http://localhost:" + port);
    }

    public String name() {
        return name;
    }

    /** Starts the process and waits until it is ready; returns how long that took. */
    public long startAndAwaitReady() {
        long startedNs = System.nanoTime();
        start();
        awaitReady();
        readyMs = (System.nanoTime() - startedNs) / 1_000_000;
        return readyMs;
    }

    public ServiceProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDirectory.resolve(name + "-" + (++starts) + ".log").toFile());
            // Axon must never call out to its vendor; there is no network here and a benchmark must not wait on it.
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    public ServiceProcess awaitReady() {
        Poll.until(name + " ready (log in " + logDirectory + ")", START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log in "
                        + logDirectory);
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(base().resolve(readinessPath)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        return this;
    }

    public long pid() {
        return process.pid();
    }

    public long readyMs() {
        return readyMs;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, an embedded PostgreSQL is left orphaned. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, a graceful stop, bounded; SIGKILL if it does not end in time. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
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
            try (Stream<String> log = Files.lines(logDirectory.resolve(name + "-" + start + ".log"))) {
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
