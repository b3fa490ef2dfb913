package org.riskbudget.standalone;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) inside the current JVM, with its
 * log on disk so a restart keeps every acknowledged record.
 *
 * <p>The broker logs thousands of lines at INFO; set the loggers {@code org.apache.kafka} and {@code kafka}
 * to WARN wherever it runs.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static KafkaBroker shared;

    private final KafkaRaftServer server;
    private final KafkaBrokerSettings settings;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, KafkaBrokerSettings settings) {
        this.server = server;
        this.settings = settings;
        this.shutdownHook = new Thread(this::close, "kafka-broker-stop-" + settings.port());
    }

    /**
     * Starts the broker on {@code logDirectory}, formatting it only on first use.
     *
     * @param port client port on 127.0.0.1, 0 for a free one
     * @throws IllegalStateException if the broker cannot start
     */
    public static KafkaBroker start(Path logDirectory, int port) {
        return start(KafkaBrokerSettings.of(logDirectory, port, false));
    }

    /** Starts a broker on a new temporary directory that is deleted on {@link #close()}; for tests. */
    public static KafkaBroker startTemporary() {
        return start(KafkaBrokerSettings.of(Directories.createTemporary("riskbudget-kafka-"), 0, true));
    }

    /**
     * One temporary broker per JVM, started on first use and stopped when the JVM exits, so a whole test run
     * shares one broker. Callers must not close it.
     */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = startTemporary(); // its shutdown hook stops it and deletes the directory
        }
        return shared;
    }

    static KafkaBroker start(KafkaBrokerSettings settings) {
        Path logDirectory = Directories.createIfMissing(settings.logDirectory());
        long startedNs = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = new KafkaConfig(settings.toProperties(), false);
            boolean formatted = KraftStorage.formatIfNeeded(config, logDirectory);
            log.info("Starting Kafka broker on {} ({})", logDirectory, formatted ? "new storage" : "existing storage");
            server = new KafkaRaftServer(config, Time.SYSTEM);
            // Returns once the broker is unfenced, i.e. serves clients, or fails after server.max.startup.time.ms.
            server.startup();
        } catch (Exception e) {
            if (server != null) {
                stopQuietly(server, settings);
            }
            if (settings.deleteOnClose()) {
                Directories.deleteRecursively(logDirectory);
            }
            throw new IllegalStateException("Kafka broker did not start on " + logDirectory, e);
        }
        KafkaBroker broker = new KafkaBroker(server, settings);
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        log.info("Kafka broker ready on {} in {} ms", broker.bootstrapServers(),
                (System.nanoTime() - startedNs) / 1_000_000);
        return broker;
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public int port() {
        return settings.port();
    }

    public Path logDirectory() {
        return settings.logDirectory();
    }

    /** Clean shutdown (flushes logs and writes a clean-shutdown marker), bounded by the stop timeout. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down, possibly running this very hook.
        }
        stopQuietly(server, settings);
        if (settings.deleteOnClose() && !Directories.deleteRecursively(settings.logDirectory())) {
            log.warn("Could not delete temporary log directory {}", settings.logDirectory());
        }
    }

    /**
     * Kafka's shutdown has no timeout of its own, so it runs on a helper thread that we wait for at most
     * the stop timeout; a broker that hangs is reported, not waited for forever.
     */
    private static void stopQuietly(KafkaRaftServer server, KafkaBrokerSettings settings) {
        Thread stopper = new Thread(() -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Kafka broker on port {} reported an error while stopping", settings.port(), e);
            }
        }, "kafka-broker-shutdown-" + settings.port());
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.error("Kafka broker on port {} did not stop within {} ms", settings.port(),
                    settings.stopTimeout().toMillis());
        } else {
            log.info("Kafka broker on port {} stopped", settings.port());
        }
    }
}
