package org.riskbudget.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.standalone.KafkaBroker;

/**
 * The whole stack as the standalone launcher runs it: a real KRaft broker, ledger-service and projection-service
 * as processes with the {@code standalone} profile, each with its embedded PostgreSQL keeping data in a directory,
 * and the ledger's local token issuer trusted by the projection. One stack serves a test run.
 * <p>
 * Two settings differ from a bare standalone start, both for the reliability tests: the ledger's embedded
 * PostgreSQL listens on a fixed port, so a second ledger instance can share its event store across restarts of the
 * first; and the projection's consumer session times out after 6 s rather than Kafka's 45 s, so the partitions of
 * a killed projection are handed to its restarted self within seconds (a setting a deployment would tune too).
 */
public final class Stack implements AutoCloseable {

    private static final String PROJECTION_SESSION_TIMEOUT_MS = "6000";
    private static final String PROJECTION_HEARTBEAT_INTERVAL_MS = "1000";

    private static Stack shared;

    private final Path directory;
    private final int brokerPort;
    private final int ledgerDatabasePort;
    private final ServiceProcess ledger;
    private final ServiceProcess projection;
    private KafkaBroker broker;

    private Stack(Path directory) {
        this.directory = directory;
        brokerPort = freePort();
        ledgerDatabasePort = freePort();
        broker = KafkaBroker.start(directory.resolve("kafka"), brokerPort);
        int ledgerPort = freePort();
        ledger = ServiceProcess.jar("ledger-service", ServiceProcess.QUICK_START_JVM, jar("ledger.jar"), List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--embedded-postgres.data-directory=" + directory.resolve("ledger-postgres"),
                "--embedded-postgres.port=" + ledgerDatabasePort,
                "--ledger.security.local-issuer.key-file=" + issuerKeyFile()),
                ledgerPort, directory.resolve("logs"));
        List<String> projectionArguments = List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--embedded-postgres.data-directory=" + directory.resolve("projection-postgres"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + ledgerPort
                        + "/api/v1/dev/jwks",
                "--spring.kafka.consumer.properties.session.timeout.ms=" + PROJECTION_SESSION_TIMEOUT_MS,
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=" + PROJECTION_HEARTBEAT_INTERVAL_MS);
        projection = ServiceProcess.jar("projection-service", ServiceProcess.QUICK_START_JVM, jar("projection.jar"),
                projectionArguments, freePort(), directory.resolve("logs"));
        ledger.start();
        projection.start();
        CompletableFuture.allOf(CompletableFuture.runAsync(ledger::awaitReady),
                CompletableFuture.runAsync(projection::awaitReady)).join();
    }

    /** The stack of this test run, started on first use and stopped when the run ends. */
    public static synchronized Stack shared() {
        if (shared == null) {
            try {
                shared = new Stack(Files.createDirectories(Path.of("target", "stack-" + System.currentTimeMillis()))
                        .toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stack-shutdown"));
        }
        return shared;
    }

    public URI ledger() {
        return ledger.base();
    }

    public URI projection() {
        return projection.base();
    }

    public ServiceProcess ledgerProcess() {
        return ledger;
    }

    public ServiceProcess projectionProcess() {
        return projection;
    }

    /** The broker now running, or null while {@link #stopBroker()} has it stopped. */
    public synchronized KafkaBroker broker() {
        return broker;
    }

    /**
     * Stops the broker cleanly, as an operator restarting it would; the services keep running and reconnect when
     * {@link #startBroker()} brings it back on the same directory and port.
     */
    public synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on its directory and port, keeping every record it acknowledged before. */
    public synchronized void startBroker() {
        if (broker == null) {
            broker = KafkaBroker.start(directory.resolve("kafka"), brokerPort);
        }
    }

    /** The local issuer's signing key (a private RSA JWK), which both ledger instances use and the tests may too. */
    public Path issuerKeyFile() {
        return directory.resolve("dev-issuer-key.json");
    }

    /** The ledger's event store: the database in the first ledger's embedded PostgreSQL, on a fixed port. */
    public String ledgerDatabaseUrl() {
        return "jdbc:postgresql://localhost:" + ledgerDatabasePort + "/ledger";
    }

    /**
     * Another ledger-service process on the same event store, Kafka topic and token issuer as the stack's ledger:
     * the scale-out the design describes. Not started; the caller starts and stops it. It depends on the first
     * ledger's embedded PostgreSQL, so the first ledger must stay up while it runs.
     */
    public ServiceProcess newLedgerInstance(String name) {
        return ServiceProcess.jar(name, ServiceProcess.QUICK_START_JVM, jar("ledger.jar"), List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + brokerPort,
                "--spring.datasource.url=" + ledgerDatabaseUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--ledger.security.local-issuer.key-file=" + issuerKeyFile()),
                freePort(), directory.resolve("logs"));
    }

    @Override
    public void close() {
        projection.close();
        ledger.close();
        stopBroker();
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name the service's runnable jar; "
                    + "run the tests through Maven, which builds and names it");
        }
        return Path.of(path);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
