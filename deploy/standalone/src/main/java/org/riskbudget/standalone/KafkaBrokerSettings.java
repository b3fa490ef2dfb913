package org.riskbudget.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * How the single-node KRaft broker is run.
 *
 * @param logDirectory holds the partitions and the metadata log; kept across restarts
 * @param port client (PLAINTEXT) port on 127.0.0.1
 * @param controllerPort KRaft controller port on 127.0.0.1
 * @param startTimeout how long startup may take (log recovery included) before it fails
 * @param stopTimeout how long a clean shutdown may take before it is abandoned
 * @param deleteOnClose whether the log directory is thrown away on close (temporary brokers)
 */
record KafkaBrokerSettings(
        Path logDirectory,
        int port,
        int controllerPort,
        Duration startTimeout,
        Duration stopTimeout,
        boolean deleteOnClose) {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    KafkaBrokerSettings {
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException(
                    "need two distinct resolved ports, got " + port + " and " + controllerPort);
        }
        logDirectory = logDirectory.toAbsolutePath().normalize();
    }

    /** Resolves port 0 to free ports (the controller always gets a free one). */
    static KafkaBrokerSettings of(Path logDirectory, int port, boolean deleteOnClose) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        int clientPort = FreePorts.resolve(port, -1);
        int controllerPort = FreePorts.resolve(0, clientPort);
        return new KafkaBrokerSettings(logDirectory, clientPort, controllerPort, DEFAULT_START_TIMEOUT,
                DEFAULT_STOP_TIMEOUT, deleteOnClose);
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Broker and controller in one process, one node, everything bound to loopback. */
    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", Integer.toString(NODE_ID));
        // Static voters rather than a dynamic quorum: the controller port is then configuration, not state
        // stored in the metadata log, so a restart may use different ports.
        properties.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        properties.setProperty("listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", logDirectory.toString());
        properties.setProperty("server.max.startup.time.ms", Long.toString(startTimeout.toMillis()));

        // One node: every internal topic has exactly one replica, and acks=all means "this broker".
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("default.replication.factor", "1");
        // Few internal partitions: creating the default 50 costs seconds on two cores and buys nothing here.
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.num.partitions", "1");
        properties.setProperty("num.partitions", "1");
        // Topics are created deliberately by the services, never by a typo in a consumer.
        properties.setProperty("auto.create.topics.enable", "false");
        // A single consumer per group is the norm here; waiting for more members only slows startup.
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller remembers the broker's previous registration and only accepts the
        // new one when that session expires (default 9 s). Heartbeats never leave this process, so a
        // shorter session is safe and makes a restart after kill -9 about as fast as a clean one.
        properties.setProperty("broker.heartbeat.interval.ms", "1000");
        properties.setProperty("broker.session.timeout.ms", "3000");
        // Retention stays at Kafka's defaults (7 days by time, unlimited by size); nothing here shortens it.
        return properties;
    }
}
