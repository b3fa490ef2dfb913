package org.riskbudget.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskbudget.bench.Stack;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.scenario.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out on one event store: a second ledger-service process shares the first one's PostgreSQL, Kafka topic and
 * token issuer, and 64 concurrent clients, spread over both, spend from one company in a self-certifying regime
 * (each accepted case is a spend at once) or send its budget away, asking for more than it holds. Every request
 * has a unique key; one in eight is delivered twice at once, to both instances, with the same key. The ledgers
 * retry a conflicting append themselves; a 409 CONCURRENCY_CONFLICT that still reaches a client is sent again.
 * The test reports both and insists that conflicts happened: without any, the instances never raced.
 */
class ConcurrentLedgersTest {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentLedgersTest.class);
    private static final int CLIENTS = 64;
    private static final int REQUESTS = 256;
    private static final long AMOUNT_PPB = 1_000;
    /** Covers 100 of the 256 requests: the rest must be refused INSUFFICIENT_BUDGET, none may overdraw. */
    private static final long SPENDER_ALLOCATION_PPB = 100 * AMOUNT_PPB;
    private static final String SPENDER = "spender";
    private static final String RECEIVER = "receiver";

    private static Stack stack;
    private static ServiceProcess secondLedger;
    private static ApiClient client;

    @BeforeAll
    static void startASecondLedgerOnTheSameEventStore() {
        stack = Stack.shared();
        client = new ApiClient(stack.ledger());
        secondLedger = stack.newLedgerInstance("ledger-service-second").start().awaitReady();
    }

    @AfterAll
    static void stopTheSecondLedger() {
        if (secondLedger != null) {
            secondLedger.close();
        }
    }

    @Test
    void sixtyFourClientsOnTwoLedgersNeverOverspendAndEverySuccessIsExactlyOneMovement() throws Exception {
        Map<String, Long> allocations = new LinkedHashMap<>();
        allocations.put(SPENDER, SPENDER_ALLOCATION_PPB);
        allocations.put(RECEIVER, 0L);
        TestRegime regime = TestRegime.open(client, stack.ledger(), "race", 1_000_000_000L, true, allocations);
        long swallowedBefore = UnitOfWorkFailures.loggedBy(stack.ledgerProcess());
        List<URI> instances = List.of(stack.ledger(), secondLedger.base());
        CommandSender sender = new CommandSender(client);

        record Delivery(LoadCommand command, int instance) {}
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String key = regime.id() + "-" + i;
            LoadCommand command = i % 4 == 3
                    ? LoadCommand.transfer(regime.id(), key, "t-" + i, SPENDER, RECEIVER, AMOUNT_PPB)
                    : LoadCommand.safetyCase(regime.id(), key, "k-" + i, SPENDER, AMOUNT_PPB, true);
            deliveries.add(new Delivery(command, i % 2));
            if (i % 8 == 5) {
                deliveries.add(new Delivery(command, (i + 1) % 2));
            }
        }
        // Each instance loads the regime with a request of its own before the others: the second instance, then
        // the first, whose write leaves the second's copy stale. A command rolled back for a conflict makes an
        // instance drop its copy, so the race cannot rely on copies cached during the set-up. From
        // the gate on, each one's write leaves the other's copy stale, and the race must produce conflicts.
        Outcome second = sender.deliver(deliveries.get(1).command(), instances.get(deliveries.get(1).instance()));
        Outcome first = sender.deliver(deliveries.get(0).command(), instances.get(deliveries.get(0).instance()));
        List<Future<Outcome>> futures = new ArrayList<>(List.of(CompletableFuture.completedFuture(first),
                CompletableFuture.completedFuture(second)));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch gate = new CountDownLatch(1);
        for (Delivery delivery : deliveries.subList(2, deliveries.size())) {
            futures.add(pool.submit(() -> {
                gate.await();
                return sender.deliver(delivery.command(), instances.get(delivery.instance()));
            }));
        }
        gate.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        Map<Integer, Integer> acknowledgedByInstance = new LinkedHashMap<>(Map.of(0, 0, 1, 0));
        for (int i = 0; i < futures.size(); i++) {
            Outcome outcome = futures.get(i).get(5, TimeUnit.MINUTES);
            outcomes.add(outcome);
            if (outcome.acknowledged()) {
                acknowledgedByInstance.merge(deliveries.get(i).instance(), 1, Integer::sum);
            }
        }
        pool.shutdown();

        Reconciliation.Report report = Reconciliation.reconcile(client, stack.ledger(), stack.projection(), regime,
                outcomes, sender, Set.of("INSUFFICIENT_BUDGET"));

        // The instances retry a conflicting append themselves (each logs the batch it reran); what they could not
        // resolve reached the clients as 409 CONCURRENCY_CONFLICT, which CommandSender sent again.
        long retriedByTheLedgers = stack.ledgerProcess().logLinesContaining(regime.id() + " failed")
                + secondLedger.logLinesContaining(regime.id() + " failed");
        log.info("Two ledgers, {} clients, {} deliveries: {}; acknowledged by instance {}; batches the ledgers rerun "
                + "after a conflict: {}; 409 CONCURRENCY_CONFLICT answers sent again by clients: {}", CLIENTS,
                deliveries.size(), report, acknowledgedByInstance, retriedByTheLedgers, sender.conflicts());
        RegimeBooks books = AuditLog.export(client, stack.ledger(), regime.id()).verify(null).books();
        RegimeBooks.Company spender = books.company(CompanyId.of(SPENDER)).orElseThrow();
        RegimeBooks.Company receiver = books.company(CompanyId.of(RECEIVER)).orElseThrow();
        long spends = outcomes.stream().filter(Outcome::acknowledged).map(outcome -> outcome.command().key())
                .distinct().count();
        assertThat(spender.availablePpb().value()).as("the spender's available balance: never overdrawn")
                .isBetween(0L, AMOUNT_PPB - 1);
        assertThat(spender.spentPpb().value() + receiver.availablePpb().value())
                .as("spent by the spender plus sent to the receiver: each success moved its amount exactly once")
                .isEqualTo(spends * AMOUNT_PPB)
                .isEqualTo(SPENDER_ALLOCATION_PPB - spender.availablePpb().value());
        assertThat(acknowledgedByInstance.values()).as("successes served by each instance: both wrote")
                .allSatisfy(count -> assertThat(count).isPositive());
        assertThat(retriedByTheLedgers + sender.conflicts())
                .as("concurrency conflicts between the instances, retried: without any, they never raced").isPositive();
        assertThat(UnitOfWorkFailures.loggedBy(stack.ledgerProcess()) - swallowedBefore
                + UnitOfWorkFailures.loggedBy(secondLedger))
                .as("rollbacks and clean-ups that failed in either ledger (see their logs)").isZero();
    }
}
