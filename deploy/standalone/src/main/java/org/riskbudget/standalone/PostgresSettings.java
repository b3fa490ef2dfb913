package org.riskbudget.standalone;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one embedded PostgreSQL server is run.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port TCP port on localhost, 0 for a free one
 * @param binariesDirectory where zonky unpacks the PostgreSQL binaries; outside any repository
 * @param startTimeout how long to wait for the server to accept connections (crash recovery included)
 * @param stopTimeout how long a shutdown (ours or an orphan's) may take before SIGKILL
 * @param deleteOnClose whether the data directory is thrown away on close (temporary servers)
 */
record PostgresSettings(
        Path dataDirectory,
        int port,
        Path binariesDirectory,
        Duration startTimeout,
        Duration stopTimeout,
        boolean deleteOnClose) {

    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    PostgresSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    static PostgresSettings of(Path dataDirectory, int port, boolean deleteOnClose) {
        return new PostgresSettings(dataDirectory, port, defaultBinariesDirectory(), DEFAULT_START_TIMEOUT,
                DEFAULT_STOP_TIMEOUT, deleteOnClose);
    }

    /** Under the system temp directory, so unpacked binaries never land in a working tree. */
    static Path defaultBinariesDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "riskbudget-embedded-pg");
    }
}
