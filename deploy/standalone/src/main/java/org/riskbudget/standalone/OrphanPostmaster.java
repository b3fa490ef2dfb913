package org.riskbudget.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a new postmaster on a data directory. After a {@code kill -9} of the JVM that started
 * it, the postgres server keeps running and holds the directory through {@code postmaster.pid}; a new
 * server on that directory would refuse to start.
 */
final class OrphanPostmaster {

    static final String PID_FILE = "postmaster.pid";

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration KILL_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration AFTER_SIGKILL_TIMEOUT = Duration.ofSeconds(10);

    private OrphanPostmaster() {
    }

    /**
     * Stops any postgres process still serving {@code dataDirectory} and removes a stale pid file.
     * First a fast shutdown (SIGINT: abort open transactions, checkpoint, exit), SIGKILL only if that does
     * not finish within {@code stopTimeout}; committed rows survive either way because PostgreSQL replays
     * its write-ahead log on the next start.
     */
    static void clear(Path dataDirectory, Duration stopTimeout) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        OptionalLong pid = Files.exists(pidFile) ? readPid(pidFile) : OptionalLong.empty();
        if (pid.isPresent() && PostgresProcesses.isPostgresOf(pid.getAsLong(), dataDirectory)) {
            log.warn("An orphaned postmaster (pid {}) still serves {}; stopping it", pid.getAsLong(), dataDirectory);
            requestFastShutdown(pid.getAsLong());
            if (!Poll.until(() -> PostgresProcesses.runningIn(dataDirectory).isEmpty(), stopTimeout)) {
                log.warn("The orphaned postmaster did not stop within {} ms; killing it", stopTimeout.toMillis());
            }
        }
        killRemaining(dataDirectory);
        removeStalePidFile(pidFile);
    }

    /** Kills what still runs in the directory: backends of a killed postmaster, or a postmaster that hung. */
    static void killRemaining(Path dataDirectory) {
        List<ProcessHandle> remaining = PostgresProcesses.runningIn(dataDirectory);
        if (remaining.isEmpty()) {
            return;
        }
        log.warn("Killing {} postgres process(es) still running in {}: {}", remaining.size(), dataDirectory,
                remaining.stream().map(ProcessHandle::pid).toList());
        remaining.forEach(ProcessHandle::destroyForcibly);
        if (!Poll.until(() -> PostgresProcesses.runningIn(dataDirectory).isEmpty(), AFTER_SIGKILL_TIMEOUT)) {
            throw new IllegalStateException("Postgres processes in " + dataDirectory + " survived SIGKILL for "
                    + AFTER_SIGKILL_TIMEOUT.toMillis() + " ms: " + PostgresProcesses.runningIn(dataDirectory));
        }
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            // ISO-8859-1 decodes any byte, so a non-ASCII data directory path on line 2 cannot fail the read.
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not read a pid from {}: {}", pidFile, e.toString());
            return OptionalLong.empty();
        }
    }

    /**
     * SIGINT means "fast shutdown" to a postmaster. The JDK can only send SIGTERM ("smart shutdown", which
     * waits for clients), so the kill command is preferred and SIGTERM is the fallback.
     */
    private static void requestFastShutdown(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor(KILL_COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && kill.exitValue() == 0) {
                return;
            }
            kill.destroyForcibly();
            log.warn("kill -INT {} failed; sending SIGTERM instead", pid);
        } catch (IOException e) {
            log.warn("Could not run kill -INT {} ({}); sending SIGTERM instead", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    private static void removeStalePidFile(Path pidFile) {
        try {
            if (Files.deleteIfExists(pidFile)) {
                log.info("Removed stale {} (its process no longer runs)", pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove stale " + pidFile, e);
        }
    }
}
