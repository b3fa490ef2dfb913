package org.riskbudget.standalone;

/**
 * Command line: runs the Kafka broker as its own JVM for the standalone launcher, until SIGINT or SIGTERM.
 *
 * <p>No static logger here: the logging configuration must be chosen before logback initialises.
 */
public final class BrokerMain {

    /** Logback configuration inside this jar; a resource name rather than logback.xml, which would reach services. */
    static final String LOGGING_CONFIGURATION = "org/riskbudget/standalone/broker-logback.xml";

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
        BrokerArguments arguments;
        try {
            arguments = BrokerArguments.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BrokerArguments.USAGE);
            System.exit(2);
            return;
        }
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(arguments.logDirectory(), arguments.port());
        } catch (RuntimeException e) {
            System.err.println("Kafka broker failed to start: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        // KafkaBroker registers a shutdown hook, so SIGINT and SIGTERM stop it cleanly; the broker's own
        // non-daemon threads keep this JVM running until then.
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
    }
}
