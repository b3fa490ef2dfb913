package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.ledger.idempotency.IdempotencyKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Concurrent commands on one regime are coalesced into shared transactions, and each is still answered on its own:
 * accepted ones get their own sequence, refused ones change nothing (their idempotency keys stay free), and the
 * log the batches leave is one intact chain with exact books.
 */
class BatchingTest extends LedgerServiceTest {

    private static final int CLIENTS = 32;
    private static final int ROUNDS = 6;
    private static final long AMOUNT_PPB = 1_000;

    @Autowired
    @Qualifier("regimeCache")
    private Cache regimeCache;

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private TransactionManager axonTransactions;

    @Test
    void concurrentCommandsShareTransactionsAndAreEachAnsweredOnTheirOwn() throws Exception {
        String regimeId = regimeWithCompanies(1, "frontier-a");
        String path = "/api/v1/regimes/" + regimeId + "/allocations";
        String token = client.token("REGULATOR", null);
        List<CompletableFuture<ApiClient.Answer>> accepted = new ArrayList<>();
        List<CompletableFuture<ApiClient.Answer>> refused = new ArrayList<>();
        List<String> refusedKeys = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int client = 0; client < CLIENTS; client++) {
                for (int round = 0; round < ROUNDS; round++) {
                    String key = "c" + client + "-r" + round;
                    boolean tooMuch = round % 3 == 2;
                    if (tooMuch) {
                        refusedKeys.add(key);
                    }
                    String body = "{\"companyId\":\"frontier-a\",\"amountPpb\":" + (tooMuch ? 3_000_000 : AMOUNT_PPB) + "}";
                    (tooMuch ? refused : accepted).add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return this.client.send("POST", uri(path), token, body, key);
                    }, clients));
                }
            }
            start.countDown();
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).join();
            CompletableFuture.allOf(refused.toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }

        List<Long> sequences = accepted.stream().map(CompletableFuture::join)
                .peek(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(200))
                .map(answer -> answer.body().get("sequence").asLong()).toList();
        assertThat(sequences).doesNotHaveDuplicates();
        assertThat(refused.stream().map(CompletableFuture::join)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("INSUFFICIENT_BUDGET");
        });
        assertThat(eventCount(regimeId)).isEqualTo(3 + accepted.size());

        String log = get("/api/v1/regimes/" + regimeId + "/audit-log", "AUDITOR", null).text();
        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(log), null);
        assertThat(verdict.isClean()).isTrue();
        assertThat(verdict.books().company(CompanyId.of("frontier-a")).orElseThrow().availablePpb().value())
                .isEqualTo(1 + accepted.size() * AMOUNT_PPB);

        for (String refusedKey : refusedKeys) {
            ApiClient.Answer reused = client.send("POST", uri(path), token,
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":1}", refusedKey);
            assertThat(reused.status()).as("refused command %s left its key free: %s", refusedKey, reused.text())
                    .isEqualTo(200);
        }
        assertThat(largestBatch()).as("commands were coalesced").isGreaterThan(1);
    }

    /**
     * A refusal changes nothing, so the regime stays in memory; Axon's own rule, dropping it on any rollback, made a
     * large regime reload for every refused command.
     */
    @Test
    void aRefusedCommandLeavesTheRegimeInMemory() {
        String regimeId = regimeWithCompanies(1, "frontier-a");
        assertThat(regimeCache.containsKey(regimeId)).as("cached after its set-up").isTrue();

        ApiClient.Answer refused = regulator("/api/v1/regimes/" + regimeId + "/allocations",
                "{\"companyId\":\"frontier-a\",\"amountPpb\":3000000}");

        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BUDGET");
        assertThat(regimeCache.containsKey(regimeId)).as("still cached after the refusal").isTrue();
    }

    /**
     * Answers are stored into their records when the batch commits, so a key repeated within one batch is answered
     * from the batch itself: the same answer, no second movement, and a different request with it is refused.
     */
    @Test
    void aKeyRepeatedWithinOneBatchGetsTheFirstAnswerAndChangesNothing() {
        String regimeId = regimeWithCompanies(1, "frontier-a");
        long eventsBefore = eventCount(regimeId);
        String key = "within-one-batch-" + regimeId;
        CommandMessage<?> allocation = allocation(regimeId, 1_000,
                new IdempotencyKey("REGULATOR:reg-1", key, "1".repeat(64)));
        CommandMessage<?> otherRequest = allocation(regimeId, 2_000,
                new IdempotencyKey("REGULATOR:reg-1", key, "2".repeat(64)));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(axonTransactions);
        CommandResultMessage<?> first = dispatch(allocation);
        CommandResultMessage<?> repeated = dispatch(allocation);
        CommandResultMessage<?> reused = dispatch(otherRequest);
        batch.commit();

        assertThat(first.isExceptional()).as("%s", first.optionalExceptionResult()).isFalse();
        assertThat(repeated.getPayload()).isEqualTo(first.getPayload());
        assertThat(reused.exceptionResult()).isInstanceOfSatisfying(LedgerException.class,
                refused -> assertThat(refused.code()).isEqualTo(LedgerErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(eventCount(regimeId)).isEqualTo(eventsBefore + 1);
        CommandResultMessage<?> later = dispatch(allocation);
        assertThat(later.isExceptional()).as("%s", later.optionalExceptionResult()).isFalse();
        assertThat(later.getPayload()).as("stored when the batch committed").isEqualTo(first.getPayload());
    }

    private static CommandMessage<?> allocation(String regimeId, long amountPpb, IdempotencyKey key) {
        return GenericCommandMessage.asCommandMessage(new AllocateBudgetCommand(RegimeId.of(regimeId),
                        CompanyId.of("frontier-a"), Ppb.of(amountPpb), new Actor(Role.REGULATOR, "reg-1", null)))
                .andMetaData(key.asMetaData());
    }

    private CommandResultMessage<?> dispatch(CommandMessage<?> command) {
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        commandBus.dispatch(command, (message, answer) -> result.complete(answer));
        return result.join();
    }

    private double largestBatch() {
        Matcher max = Pattern.compile("ledger_commands_batch_size_max\\{[^}]*\\} ([0-9.]+)")
                .matcher(client.send("GET", uri("/actuator/prometheus"), null, null, null).text());
        assertThat(max.find()).isTrue();
        return Double.parseDouble(max.group(1));
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
