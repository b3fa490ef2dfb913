package org.riskbudget.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.riskbudget.standalone.KafkaBroker;

/**
 * The whole stack as the standalone launcher runs it: a real KRaft broker, ledger-service and projection-service
 * as processes with the {@code standalone} profile, each with its embedded PostgreSQL keeping data in a directory,
 * and the ledger's local token issuer trusted by the projection. One stack serves a test run.
 */
public final class Stack implements AutoCloseable {

    private static Stack shared;

    private final KafkaBroker broker;
    private final ServiceProcess ledger;
    private final ServiceProcess projection;

    private Stack(Path directory) {
        broker = KafkaBroker.start(directory.resolve("kafka"), freePort());
        int ledgerPort = freePort();
        ledger = new ServiceProcess("ledger-service", jar("ledger.jar"), List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--embedded-postgres.data-directory=" + directory.resolve("ledger-postgres"),
                "--ledger.security.local-issuer.key-file=" + directory.resolve("dev-issuer-key.json")),
                ledgerPort, directory.resolve("logs"));
        projection = new ServiceProcess("projection-service", jar("projection.jar"), List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--embedded-postgres.data-directory=" + directory.resolve("projection-postgres"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + ledgerPort
                        + "/api/v1/dev/jwks"),
                freePort(), directory.resolve("logs"));
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

    ServiceProcess ledgerProcess() {
        return ledger;
    }

    ServiceProcess projectionProcess() {
        return projection;
    }

    KafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        projection.close();
        ledger.close();
        broker.close();
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name the service's runnable jar; "
                    + "run the tests through Maven, which builds and names it");
        }
        return Path.of(path);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
