package org.riskbudget.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.riskbudget.standalone.BrokerMain;

/**
 * A Kafka broker in a JVM of its own, the way the standalone launcher runs it, that a test can stop and start again
 * on the same log directory. Kafka brokers share static state inside one JVM, so a second broker stopped next to the
 * test run's shared one would disturb it.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path logDirectory;
    private final int port;
    private Process process;

    BrokerProcess(Path logDirectory, int port) {
        this.logDirectory = logDirectory;
        this.port = port;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    BrokerProcess start() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classPath, BrokerMain.class.getName(), logDirectory.toString(),
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logDirectory.resolveSibling(logDirectory.getFileName() + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker", e);
        }
        Awaitility.await("broker on " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(this::accepts);
        return this;
    }

    /** SIGTERM: the broker shuts down cleanly, as an operator would stop it. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean accepts() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
