package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.riskbudget.standalone.KafkaBroker;

/**
 * Nothing acknowledged is ever lost: ledger-service runs as its own process, is killed with SIGKILL after it
 * acknowledged commands, and a new process on the same database still has every one of them, exactly once, with
 * the audit chain intact across the kill and the snapshots taken every five events.
 */
class RestartTest {

    private static final String DATABASE = "ledger_restart";
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKill() throws Exception {
        int port = freePort();
        URI base = URI.create("http://localhost:" + port);
        Process first = start(port);
        ApiClient client = new ApiClient(base);
        String regimeId = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String regulator = client.token("REGULATOR", null);
        send(client, base, regulator, "/api/v1/regimes",
                "{\"id\":\"" + regimeId + "\",\"name\":\"crash\",\"capPpb\":2500000}", "open");
        send(client, base, regulator, "/api/v1/regimes/" + regimeId + "/companies",
                "{\"companyId\":\"frontier-a\",\"name\":\"A\"}", "register");
        List<ApiClient.Answer> acknowledged = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            acknowledged.add(send(client, base, regulator, "/api/v1/regimes/" + regimeId + "/allocations",
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":" + i + "}", "allocation-" + i));
        }

        first.destroyForcibly().waitFor();
        forgetWhatWasPublished();
        start(port);

        for (int i = 1; i <= 20; i++) {
            ApiClient.Answer repeat = send(client, base, client.token("REGULATOR", null),
                    "/api/v1/regimes/" + regimeId + "/allocations",
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":" + i + "}", "allocation-" + i);
            assertThat(repeat.body()).as("allocation %d after the kill", i).isEqualTo(acknowledged.get(i - 1).body());
        }
        ApiClient.Answer next = send(client, base, client.token("REGULATOR", null),
                "/api/v1/regimes/" + regimeId + "/allocations", "{\"companyId\":\"frontier-a\",\"amountPpb\":1}", null);
        assertThat(next.body().get("sequence").asLong()).as("each acknowledged command stored exactly once")
                .isEqualTo(2 + 20 + 1);

        String log = client.send("GET", base.resolve("/api/v1/regimes/" + regimeId + "/audit-log"),
                client.token("AUDITOR", null), null, null).text();
        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(log), null);
        assertThat(verdict.isClean()).as("the chain across the kill and the snapshots").isTrue();
        assertThat(verdict.books().lastSequence()).isEqualTo(23);
        assertThat(verdict.books().allocatedPpb().value()).isEqualTo(20 * 21 / 2 + 1);
        Awaitility.await("snapshots, taken after the commands on a thread of their own").atMost(Duration.ofSeconds(30))
                .until(() -> snapshotsOf(regimeId) > 0);

        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            List<Long> published = topic.awaitRecords(regimeId, 23, Duration.ofSeconds(60)).stream()
                    .map(record -> LedgerJson.mapper().readValue(record.value(), LedgerEvent.class).sequence())
                    .distinct().toList();
            assertThat(published).as("publishing resumes after the kill, from the start of the log")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 23).boxed().toList());
        }
    }

    /**
     * Deletes the publisher's tracking token, as an operator would to publish the whole log again: the restarted
     * service starts its publisher over existing events, which Axon marks with a replay token.
     */
    private static void forgetWhatWasPublished() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM tokenentry");
        }
    }

    private static long snapshotsOf(String regimeId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            query.setString(1, regimeId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        EmbeddedPostgresServer database = SharedDatabase.server(DATABASE);
        return DriverManager.getConnection(database.jdbcUrl(DATABASE), database.username(), database.password());
    }

    private ApiClient.Answer send(ApiClient client, URI base, String token, String path, String body, String key) {
        ApiClient.Answer answer = client.send("POST", base.resolve(path), token, body, key);
        assertThat(answer.status() / 100).as(answer.text()).isEqualTo(2);
        return answer;
    }

    /** ledger-service in a JVM of its own, on the test run's PostgreSQL, ready when its health endpoint is UP. */
    private Process start(int port) throws IOException {
        EmbeddedPostgresServer database = SharedDatabase.server(DATABASE);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classPath,
                LedgerServiceApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(DATABASE),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.shared().bootstrapServers(),
                "--ledger.regime.snapshot-every-events=5",
                "--ledger.security.local-issuer.enabled=true",
                "--ledger.security.local-issuer.key-file=target/restart-issuer-key.json")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "restart-test-ledger.log").toFile())
                .start();
        processes.add(process);
        ApiClient client = new ApiClient(URI.create("http://localhost:" + port));
        Awaitility.await("ledger-service up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> client.send("GET", URI.create("http://localhost:" + port + "/actuator/health"), null, null,
                        null).status() == 200);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
