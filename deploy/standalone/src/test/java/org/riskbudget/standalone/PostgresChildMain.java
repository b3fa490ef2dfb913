package org.riskbudget.standalone;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child JVM for {@link EmbeddedPostgresOrphanTest}: starts PostgreSQL on the given directory,
 * commits one row, reports readiness on stdout and waits to be killed (at most two minutes).
 */
final class PostgresChildMain {

    static final String READY = "CHILD-READY";
    static final String ROW = "committed by the child JVM";

    private PostgresChildMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (Connection connection = DriverManager.getConnection(
                        server.jdbcUrl("postgres"), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (note text NOT NULL)");
            statement.execute("INSERT INTO probe VALUES ('" + ROW + "')");
        }
        System.out.println(READY + " " + server.postmasterPid());
        System.out.flush();
        // The test kills this JVM with SIGKILL; the bound only matters if the test itself died.
        new CountDownLatch(1).await(2, TimeUnit.MINUTES);
        server.close();
    }
}
