package org.riskbudget.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.riskbudget.standalone.PostgresTestSupport.execute;
import static org.riskbudget.standalone.PostgresTestSupport.queryStrings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    @AfterEach
    void nothingLeftRunning() {
        Path dataDirectory = temp.resolve("pg");
        if (Files.isDirectory(dataDirectory)) {
            assertThat(PostgresProcesses.runningIn(dataDirectory)).isEmpty();
        }
    }

    @Test
    void committedRowSurvivesRestartOnTheSameDataDirectory() throws Exception {
        Path dataDirectory = temp.resolve("pg");
        long firstPid;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            firstPid = server.postmasterPid();
            assertThat(firstPid).isPositive();
            execute(server, "CREATE TABLE ledger_probe (note text NOT NULL)");
            execute(server, "INSERT INTO ledger_probe VALUES ('kept')");
        }
        assertThat(ProcessHandle.of(firstPid).filter(PostgresProcesses::isRunning)).isEmpty();
        String clusterCreatedBy = Files.readString(dataDirectory.resolve("PG_VERSION"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            assertThat(queryStrings(server, "postgres", "SELECT note FROM ledger_probe")).containsExactly("kept");
        }
        assertThat(Files.readString(dataDirectory.resolve("PG_VERSION"))).isEqualTo(clusterCreatedBy);
    }

    @Test
    void stalePidFileOfADeadProcessDoesNotBlockStart() throws Exception {
        Path dataDirectory = temp.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            execute(server, "CREATE TABLE ledger_probe (note text NOT NULL)");
        }
        Process finished = new ProcessBuilder("true").start();
        assertThat(finished.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dataDirectory.resolve(OrphanPostmaster.PID_FILE),
                finished.pid() + "\n" + dataDirectory + "\n0\n5432\n\n\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            assertThat(queryStrings(server, "postgres", "SELECT count(*) FROM ledger_probe")).containsExactly("0");
        }
    }

    @Test
    void commitsAreDurable() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        assertThat(queryStrings(server, "postgres", "SHOW synchronous_commit")).containsExactly("on");
        assertThat(queryStrings(server, "postgres", "SHOW fsync")).containsExactly("on");
    }

    @Test
    void sharedServerIsOnePerJvmAndCreatesDatabasesIdempotently() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        assertThat(EmbeddedPostgresServer.shared()).isSameAs(server);

        server.createDatabaseIfMissing("ledger_test");
        server.createDatabaseIfMissing("ledger_test");

        assertThat(queryStrings(server, "ledger_test", "SELECT current_database()")).containsExactly("ledger_test");
        assertThat(server.jdbcUrl("ledger_test")).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/ledger_test");
        assertThat(server.username()).isEqualTo("postgres");
    }

    @Test
    void rejectsDatabaseNamesThatWouldNeedQuoting() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        assertThatThrownBy(() -> server.createDatabaseIfMissing("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void temporaryServerDeletesItsDirectoryOnClose() {
        Path dataDirectory;
        long pid;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
            dataDirectory = server.dataDirectory();
            pid = server.postmasterPid();
            assertThat(dataDirectory).isDirectory();
        }
        assertThat(dataDirectory).doesNotExist();
        assertThat(ProcessHandle.of(pid).filter(PostgresProcesses::isRunning)).isEmpty();
    }
}
