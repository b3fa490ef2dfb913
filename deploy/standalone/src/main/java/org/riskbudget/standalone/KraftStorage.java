package org.riskbudget.standalone;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory, once. A formatted directory carries its cluster id in
 * {@code meta.properties}; formatting it again with a new id would fail ("Invalid cluster.id") and
 * formatting with {@code ignoreFormatted} would hide a real misconfiguration, so existing storage is left
 * exactly as it is.
 */
final class KraftStorage {

    static final String META_PROPERTIES = "meta.properties";

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /** @return whether the directory was formatted now (false: it already was) */
    static boolean formatIfNeeded(KafkaConfig config, Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve(META_PROPERTIES))) {
            return false;
        }
        String clusterId = Uuid.randomUuid().toString();
        // The formatter reports on a PrintStream (System.out by default); route that to the log instead.
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream reportStream = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(reportStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(KafkaBrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .setHasDynamicQuorum(false)
                    .run();
        }
        log.info("Formatted KRaft storage {} with cluster id {}: {}", logDirectory, clusterId,
                report.toString(StandardCharsets.UTF_8).trim());
        return true;
    }
}
