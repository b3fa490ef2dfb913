package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A regime's snapshot is taken from the regime in memory, so it must hold exactly what was committed at its
 * sequence: not a refused command's attempt, nor a later batch's. Checked against the books an auditor derives from
 * the log up to that sequence, hash included, after concurrent commands were batched with refusals among them.
 */
class RegimeSnapshotsTest extends LedgerServiceTest {

    private static final int CLIENTS = 16;
    private static final int COMMANDS_EACH = 8;

    @Autowired
    private JdbcTemplate database;

    @Test
    void aSnapshotHoldsTheRegimeExactlyAsCommittedAtItsSequence() throws IOException {
        String regimeId = regimeWithCompanies(50_000, "frontier-a", "frontier-b");
        long setUpEvents = eventCount(regimeId);
        String token = client.token("REGULATOR", null);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<Integer>> statuses = IntStream.range(0, CLIENTS * COMMANDS_EACH)
                    .mapToObj(number -> CompletableFuture.supplyAsync(() -> client.send("POST",
                            uri("/api/v1/regimes/" + regimeId + "/reclamations"), token,
                            "{\"companyId\":\"frontier-" + (number % 2 == 0 ? "a" : "b") + "\",\"amountPpb\":"
                                    + (number % 3 == 0 ? 60_000 : 1_000) + ",\"reason\":\"test\"}",
                            "reclaim-" + number).status(), clients))
                    .toList();
            assertThat(statuses.stream().map(CompletableFuture::join)).contains(200, 409).containsOnly(200, 409);
        } finally {
            clients.shutdown();
        }

        Awaitility.await("a snapshot taken during the concurrent commands").atMost(Duration.ofSeconds(30))
                .until(() -> latestSnapshotSequence(regimeId) >= setUpEvents);
        // Snapshots are stored gzip-compressed.
        JsonNode snapshot = LedgerJson.mapper().readTree(new GZIPInputStream(new ByteArrayInputStream(
                database.queryForObject("SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber DESC LIMIT 1", byte[].class, regimeId))));
        long sequence = snapshot.get("lastSequence").asLong();
        RegimeBooks books = booksThrough(regimeId, sequence);

        assertThat(sequence).isEqualTo(latestSnapshotSequence(regimeId) + 1);
        assertThat(snapshot.get("lastHash").asString()).isEqualTo(books.lastHash());
        assertThat(snapshot.get("poolPpb").asLong()).isEqualTo(books.poolPpb().value());
        for (RegimeBooks.Company company : books.companies()) {
            JsonNode account = snapshot.get("companies").get(company.companyId().value());
            assertThat(account.get("availablePpb").asLong()).as(company.companyId().value())
                    .isEqualTo(company.availablePpb().value());
            assertThat(account.get("allocatedPpb").asLong()).isEqualTo(company.allocatedPpb().value());
        }
    }

    /** Axon numbers a regime's events from 0; the regime numbers them from 1. */
    private long latestSnapshotSequence(String regimeId) {
        Long latest = database.queryForObject("SELECT max(sequencenumber) FROM snapshotevententry "
                + "WHERE aggregateidentifier = ?", Long.class, regimeId);
        return latest == null ? -1 : latest;
    }

    /** The books an auditor derives from the first {@code sequence} events of the regime's log. */
    private RegimeBooks booksThrough(String regimeId, long sequence) {
        List<String> lines = get("/api/v1/regimes/" + regimeId + "/audit-log", "AUDITOR", null).text().lines()
                .limit(sequence).toList();
        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(String.join("\n", lines)), null);
        assertThat(verdict.isClean()).isTrue();
        assertThat(verdict.books().lastSequence()).isEqualTo(sequence);
        return verdict.books();
    }
}
