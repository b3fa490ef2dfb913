package org.riskbudget.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskbudget.standalone.PostgresTestSupport.queryStrings;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL leaves its postgres running; the next start must stop it and keep its data. */
class EmbeddedPostgresOrphanTest {

    @TempDir
    Path temp;

    @AfterEach
    void nothingLeftRunning() {
        Path dataDirectory = temp.resolve("pg");
        OrphanPostmaster.killRemaining(dataDirectory); // acts only if the test failed half-way
        assertThat(PostgresProcesses.runningIn(dataDirectory)).isEmpty();
    }

    @Test
    void orphanedPostmasterIsStoppedAndItsCommittedRowIsKept() throws Exception {
        Path dataDirectory = temp.resolve("pg");
        long orphanPid;
        try (ChildJvm child = ChildJvm.start(PostgresChildMain.class, temp.resolve("child.log"),
                dataDirectory.toString())) {
            orphanPid = Long.parseLong(child.awaitLine(PostgresChildMain.READY, Duration.ofSeconds(45)));
            child.killHard();
        }
        assertThat(ProcessHandle.of(orphanPid).filter(PostgresProcesses::isRunning)).isPresent();
        assertThat(dataDirectory.resolve(OrphanPostmaster.PID_FILE)).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            assertThat(ProcessHandle.of(orphanPid).filter(PostgresProcesses::isRunning)).isEmpty();
            assertThat(server.postmasterPid()).isNotEqualTo(orphanPid);
            assertThat(queryStrings(server, "postgres", "SELECT note FROM probe"))
                    .containsExactly(PostgresChildMain.ROW);
        }
        assertThat(PostgresProcesses.runningIn(dataDirectory)).isEmpty();
    }
}
