package org.riskbudget.standalone;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the launcher's broker keeps its data and listens. Command-line arguments win over system
 * properties, which win over the defaults.
 *
 * @param logDirectory the broker's log directory
 * @param port client port on 127.0.0.1
 */
record BrokerArguments(Path logDirectory, int port) {

    static final String DIRECTORY_PROPERTY = "riskbudget.kafka.dir";
    static final String PORT_PROPERTY = "riskbudget.kafka.port";
    static final String DEFAULT_DIRECTORY = "./data/kafka";
    static final int DEFAULT_PORT = 9092;
    static final String USAGE = "usage: BrokerMain [logDirectory [port]]  (or -D" + DIRECTORY_PROPERTY
            + "=... -D" + PORT_PROPERTY + "=...; defaults " + DEFAULT_DIRECTORY + " and " + DEFAULT_PORT + ")";

    /** @throws IllegalArgumentException with a message fit for the user if the arguments are wrong */
    static BrokerArguments parse(String[] args, Properties systemProperties) {
        if (args.length > 2) {
            throw new IllegalArgumentException("too many arguments");
        }
        String directory = args.length >= 1
                ? args[0]
                : systemProperties.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY);
        String port = args.length == 2
                ? args[1]
                : systemProperties.getProperty(PORT_PROPERTY, Integer.toString(DEFAULT_PORT));
        return new BrokerArguments(Path.of(directory), parsePort(port));
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number: " + value, e);
        }
    }
}
