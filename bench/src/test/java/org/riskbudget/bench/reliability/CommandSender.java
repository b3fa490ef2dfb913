package org.riskbudget.bench.reliability;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * Sends a command the way a careful client does: when no answer comes (the connection died with the service) or
 * the service answers 5xx, it waits until the service is ready again and sends the same request with the same
 * idempotency key, so the command is performed at most once however often it is sent; a 409
 * CONCURRENCY_CONFLICT is sent again at once. Every 5xx is recorded: none may occur.
 */
final class CommandSender {

    static final int MAX_ATTEMPTS = 60;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final ApiClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger cutOff = new AtomicInteger();
    private volatile int disruption;
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();

    CommandSender(ApiClient client) {
        this.client = client;
    }

    Outcome deliver(LoadCommand command, URI ledger) {
        String token = client.token(command.role(), command.actingCompanyId());
        int attempts = 0;
        int commandUnanswered = 0;
        int commandConflicts = 0;
        boolean cutOffOnce = false;
        while (attempts < MAX_ATTEMPTS) {
            attempts++;
            ApiClient.Answer answer;
            int disruptionAtSend = disruption;
            inFlight.incrementAndGet();
            try {
                answer = client.send("POST", ledger.resolve(command.path()), token, command.body(), command.key());
            } catch (UncheckedIOException noAnswer) {
                commandUnanswered++;
                if (disruptionAtSend != disruption && !cutOffOnce) {
                    // Sent before the disruption began and never answered: it may or may not have been performed.
                    // (Sends after it fail too, on refused or dead kept-alive connections, but reached no service.)
                    cutOffOnce = true;
                    cutOff.incrementAndGet();
                }
                awaitReady(ledger);
                continue;
            } finally {
                inFlight.decrementAndGet();
            }
            if (answer.status() >= 500) {
                serverErrors.add(command + " attempt " + attempts + ": " + answer.status() + " " + answer.text());
                awaitReady(ledger);
                continue;
            }
            if (answer.status() == 409 && "CONCURRENCY_CONFLICT".equals(answer.code())) {
                commandConflicts++;
                conflicts.incrementAndGet();
                if (attempts < MAX_ATTEMPTS) {
                    continue;
                }
            }
            return new Outcome(command, answer, attempts, commandUnanswered, commandConflicts);
        }
        return new Outcome(command, null, attempts, commandUnanswered, commandConflicts);
    }

    /** Marks the start of the next disruption (a kill, say), so sends it cuts off can be told apart. */
    void disruption(int number) {
        disruption = number;
    }

    /** Sends under way when a disruption began and never answered, as opposed to sends that reached no service. */
    int cutOff() {
        return cutOff.get();
    }

    /** Requests sent and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** Answers 409 CONCURRENCY_CONFLICT, each followed by another send. */
    int conflicts() {
        return conflicts.get();
    }

    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** Waits until the service answers its readiness probe: a client's back-off while it restarts. */
    private void awaitReady(URI service) {
        Awaitility.await(service + " ready again").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> client.send("GET", service.resolve("/actuator/health/readiness"), null, null, null)
                        .status() == 200);
    }
}
