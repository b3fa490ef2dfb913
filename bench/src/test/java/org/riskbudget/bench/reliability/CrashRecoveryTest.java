package org.riskbudget.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.riskbudget.bench.Stack;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.contracts.scenario.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crashes under continuous load. Client threads send allocations, transfers and case submissions with unique
 * idempotency keys to a regime of the test's own, and send again with the same key whatever got no answer; the
 * test disrupts a part of the stack repeatedly mid-load, brings it back, and then {@link Reconciliation} proves
 * that every acknowledged command is in the event store exactly once, the invariant holds, and the projection shows
 * exactly the books of the event store. One test per part: ledger-service (kill -9), projection-service (kill -9)
 * and the Kafka broker (stop and start).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final ReliabilityMode MODE = ReliabilityMode.current();
    private static final int CLIENTS = 8;
    /** Continuous, and light enough on two cores that a restarting service is not starved by the load itself. */
    private static final int COMMANDS_PER_SECOND = 25;
    private static final long CAP_PPB = 1_000_000_000L;
    /** Far more than the load can move, so no command is ever refused for want of budget. */
    private static final long INITIAL_ALLOCATION_PPB = 50_000_000L;
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);

    private static Stack stack;
    private static ApiClient client;

    @BeforeAll
    static void startTheStack() {
        stack = Stack.shared();
        client = new ApiClient(stack.ledger());
        log.info("Crash tests in {}", MODE);
    }

    /** A test that failed mid-cycle must not leave the stack without a part the next test needs. */
    @AfterAll
    static void bringBackWhatIsDown() {
        for (ServiceProcess service : List.of(stack.ledgerProcess(), stack.projectionProcess())) {
            if (!service.isAlive()) {
                service.start().awaitReady();
            }
        }
        stack.startBroker();
    }

    @Test
    @Order(1)
    void everyAcknowledgedCommandSurvivesKill9OfTheLedgerExactlyOnce() {
        ServiceProcess ledger = stack.ledgerProcess();
        CommandSender sender = new CommandSender(client);

        Reconciliation.Report report = underLoad("crash-ledger", sender, MODE.ledgerKills(), MODE.seed(),
                (cycle, regime, load) -> {
                    load.awaitMoreAcknowledged(25, PROGRESS_TIMEOUT, "before ledger kill " + cycle);
                    load.awaitInFlight(1);
                    sender.disruption(cycle);
                    ledger.kill();
                    ledger.start().awaitReady();
                });

        log.info("Ledger kills: {}; {} commands were cut off mid-request by a kill", report, sender.cutOff());
        assertThat(sender.cutOff())
                .as("commands a kill -9 cut off mid-request, sent again with their key: without any, the test "
                        + "proved nothing about retries of commands whose fate the client could not know")
                .isPositive();
    }

    @Test
    @Order(2)
    void theProjectionKilledWhileEventsFlowConvergesToTheExactBooks() {
        ServiceProcess projection = stack.projectionProcess();

        Reconciliation.Report report = underLoad("crash-projection", new CommandSender(client),
                MODE.projectionKills(), MODE.seed() + 1, (cycle, regime, load) -> {
                    // The projection is applying this regime's events when it dies, not idle.
                    ProjectionReads.budget(client, stack.projection(), regime.id(), load.lastAcknowledgedSequence());
                    load.awaitMoreAcknowledged(10, PROGRESS_TIMEOUT, "just before projection kill " + cycle);
                    projection.kill();
                    load.awaitMoreAcknowledged(10, PROGRESS_TIMEOUT, "while the projection is down");
                    projection.start().awaitReady();
                });

        log.info("Projection kills: {}", report);
    }

    @Test
    @Order(3)
    void theLedgerTakesCommandsWhileTheBrokerIsDownAndTheProjectionCatchesUp() {
        Reconciliation.Report report = underLoad("crash-broker", new CommandSender(client), MODE.brokerRestarts(),
                MODE.seed() + 2, (cycle, regime, load) -> {
                    load.awaitMoreAcknowledged(25, PROGRESS_TIMEOUT, "before broker stop " + cycle);
                    stack.stopBroker();
                    load.awaitMoreAcknowledged(50, PROGRESS_TIMEOUT, "by the ledger while the broker is down");
                    stack.startBroker();
                });

        log.info("Broker restarts: {}", report);
    }

    /** One disruption and recovery, while the load runs. */
    private interface Disruption {
        void cycle(int cycle, TestRegime regime, CommandLoad load);
    }

    /**
     * Runs the load on a regime of its own, disrupts and restores the stack {@code cycles} times, lets the load
     * run on until the ledger acknowledged more, stops it, and reconciles.
     */
    private static Reconciliation.Report underLoad(String prefix, CommandSender sender, int cycles, long seed,
            Disruption disruption) {
        TestRegime regime = openRegime(prefix);
        try (CommandLoad load = new CommandLoad(sender, stack.ledger(), mixedCommands(regime), CLIENTS,
                COMMANDS_PER_SECOND, seed).start()) {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long startedNs = System.nanoTime();
                disruption.cycle(cycle, regime, load);
                log.info("{}: cycle {} of {} took {} ms", prefix, cycle, cycles,
                        (System.nanoTime() - startedNs) / 1_000_000);
            }
            load.awaitMoreAcknowledged(25, PROGRESS_TIMEOUT, "after the last disruption");
            List<Outcome> outcomes = load.stop();
            return Reconciliation.reconcile(client, stack.ledger(), stack.projection(), regime, outcomes, sender,
                    Set.of());
        }
    }

    private static TestRegime openRegime(String prefix) {
        Map<String, Long> allocations = new LinkedHashMap<>();
        for (String company : List.of("alpha", "bravo", "charlie", "delta")) {
            allocations.put(company, INITIAL_ALLOCATION_PPB);
        }
        return TestRegime.open(client, stack.ledger(), prefix, CAP_PPB, false, allocations);
    }

    /** Three in ten allocations, four in ten transfers, three in ten case submissions, between random companies. */
    private static CommandLoad.Commands mixedCommands(TestRegime regime) {
        List<String> companies = regime.companies();
        return (random, client, number) -> {
            String key = regime.id() + "-" + client + "-" + number;
            String company = companies.get(random.nextInt(companies.size()));
            int pick = random.nextInt(10);
            if (pick < 3) {
                return LoadCommand.allocation(regime.id(), key, company, 1 + random.nextInt(1_000));
            }
            if (pick < 7) {
                String receiver = companies.get((companies.indexOf(company) + 1 + random.nextInt(companies.size() - 1))
                        % companies.size());
                return LoadCommand.transfer(regime.id(), key, "t-" + key, company, receiver, 1 + random.nextInt(500));
            }
            return LoadCommand.safetyCase(regime.id(), key, "k-" + key, company, 1 + random.nextInt(500), false);
        };
    }
}
