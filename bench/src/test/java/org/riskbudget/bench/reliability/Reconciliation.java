package org.riskbudget.bench.reliability;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.ChainHead;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Proves what the reliability tests claim of a regime once its load has stopped, from three independent sources:
 * the answers the clients received, the audit log exported from the event store (checked by the contracts'
 * verifier, which shares no code with the ledger), and the projection's read model.
 * <ul>
 * <li>every acknowledged command is in the event store exactly once, at the sequence its answer stated, with its
 * type, ids and amount, and no two acknowledged commands claim one sequence: no acknowledged write is lost;
 * <li>every event after the regime's setup belongs to an acknowledged command: no movement is doubled, none
 * appears from nowhere;
 * <li>the chain verifies against the head the projection attests, and the replay finds no broken rule, the
 * double-entry invariant {@code pool + Σ available + Σ reserved + Σ spent = cap} at every event among them;
 * <li>the projection shows exactly the replayed books, for the regime and for every company;
 * <li>sending acknowledged commands again with their keys returns their first answers and changes nothing.
 * </ul>
 */
final class Reconciliation {

    private static final int MAX_LISTED = 25;
    private static final int REPLAYED_COMMANDS = 10;

    record Report(int commands, int acknowledged, int refused, int sentAgainAfterNoAnswer, int conflicts, int events) {

        @Override
        public String toString() {
            return commands + " commands, " + acknowledged + " acknowledged, " + refused + " refused, "
                    + sentAgainAfterNoAnswer + " sent again after getting no answer, " + conflicts
                    + " concurrency conflicts retried; " + events + " events";
        }
    }

    private Reconciliation() {}

    /**
     * Fails, listing every violation, unless all of the above holds.
     *
     * @param allowedRefusals the refusal codes a command may finally be answered with; every other final answer
     *                        must be a success
     */
    static Report reconcile(ApiClient client, URI ledger, URI projection, TestRegime regime, List<Outcome> outcomes,
            CommandSender sender, Set<String> allowedRefusals) {
        List<String> failures = new ArrayList<>();
        sender.serverErrors().forEach(error -> failures.add("5xx answer: " + error));
        List<Outcome> acknowledged = new ArrayList<>();
        int refused = 0;
        for (Outcome outcome : onePerKey(outcomes, failures)) {
            if (outcome.acknowledged()) {
                acknowledged.add(outcome);
            } else if (outcome.answer() != null && outcome.answer().status() / 100 == 4
                    && allowedRefusals.contains(outcome.code())) {
                refused++;
            } else {
                failures.add("no acceptable final answer: " + outcome);
            }
        }

        AuditLog log = AuditLog.export(client, ledger, regime.id());
        failures.addAll(exactlyOnce(acknowledged, log.events(), regime.setupLastSequence()));

        JsonNode budget = ProjectionReads.budget(client, projection, regime.id(), log.lastSequence());
        AuditLogVerifier.Verdict verdict = log.verify(new ChainHead(budget.path("lastSequence").asLong(),
                budget.path("lastHash").asString()));
        if (!verdict.isClean()) {
            failures.add("the audit log does not verify against the projection's chain head: first break "
                    + verdict.chain().firstBreak() + ", findings " + verdict.findings());
        }
        failures.addAll(projectionDifferences(client, projection, verdict.books(), budget));
        failures.addAll(replayedCommandsChangeNothing(client, ledger, regime, acknowledged, log));

        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " reliability failure(s) in regime " + regime.id() + ":\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(MAX_LISTED, failures.size())))
                    + (failures.size() > MAX_LISTED ? "\n  … and " + (failures.size() - MAX_LISTED) + " more" : ""));
        }
        return new Report(acknowledged.size() + refused, acknowledged.size(), refused,
                (int) outcomes.stream().filter(outcome -> outcome.unanswered() > 0).count(), sender.conflicts(),
                log.size());
    }

    /**
     * The exactly-once rule, from the answers and the events alone: every acknowledged command's events stand at the
     * sequences its answer stated, no two acknowledged commands claim one sequence, and every event after the
     * regime's setup belongs to an acknowledged command. Empty when it holds.
     */
    static List<String> exactlyOnce(List<Outcome> acknowledged, NavigableMap<Long, JsonNode> events,
            long setupLastSequence) {
        List<String> failures = new ArrayList<>();
        Map<Long, Outcome> claims = new HashMap<>();
        for (Outcome outcome : acknowledged) {
            String mismatch = outcome.command().mismatch(events, outcome.sequence());
            if (mismatch != null) {
                failures.add("acknowledged write lost or misplaced: " + outcome + "; " + mismatch);
                continue;
            }
            for (long sequence : outcome.command().sequences(outcome.sequence())) {
                Outcome other = claims.put(sequence, outcome);
                if (other != null) {
                    failures.add("two acknowledged commands answered with sequence " + sequence + ": " + other
                            + " and " + outcome);
                }
            }
        }
        events.tailMap(setupLastSequence, false).forEach((sequence, event) -> {
            if (!claims.containsKey(sequence)) {
                failures.add("doubled or phantom movement: event " + sequence + " belongs to no acknowledged "
                        + "command: " + event);
            }
        });
        return failures;
    }

    /**
     * A command delivered more than once with its key (to two ledger instances at once, say) is one command: every
     * delivery must get the same answer, or the key did not make it idempotent.
     */
    private static List<Outcome> onePerKey(List<Outcome> outcomes, List<String> failures) {
        Map<String, Outcome> byKey = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            Outcome first = byKey.putIfAbsent(outcome.command().key(), outcome);
            if (first != null && !sameAnswer(first, outcome)) {
                failures.add("one command, two different answers to deliveries with the same key: " + first
                        + " and " + outcome);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static boolean sameAnswer(Outcome first, Outcome second) {
        if (first.answer() == null || second.answer() == null) {
            return first.answer() == second.answer();
        }
        return first.answer().status() == second.answer().status() && (first.acknowledged()
                ? first.sequence() == second.sequence() : first.code().equals(second.code()));
    }

    /** The projection's regime budget and company accounts, figure by figure, against the replayed books. */
    private static List<String> projectionDifferences(ApiClient client, URI projection, RegimeBooks books,
            JsonNode budget) {
        List<String> differences = new ArrayList<>();
        String regime = "projection budget ";
        compare(differences, regime + "capPpb", books.capPpb(), budget.path("capPpb"));
        compare(differences, regime + "allocatedPpb", books.allocatedPpb(), budget.path("allocatedPpb"));
        compare(differences, regime + "unallocatedPpb", books.poolPpb(), budget.path("unallocatedPpb"));
        compare(differences, regime + "reservedPpb", books.reservedPpb(), budget.path("reservedPpb"));
        compare(differences, regime + "spentPpb", books.spentPpb(), budget.path("spentPpb"));
        compare(differences, regime + "remainingPpb", books.remainingPpb(), budget.path("remainingPpb"));
        for (RegimeBooks.Company company : books.companies()) {
            JsonNode account = ProjectionReads.company(client, projection, books.regimeId().value(),
                    company.companyId().value(), books.lastSequence());
            String prefix = "projection company " + company.companyId().value() + " ";
            compare(differences, prefix + "allocatedPpb", company.allocatedPpb(), account.path("allocatedPpb"));
            compare(differences, prefix + "availablePpb", company.availablePpb(), account.path("availablePpb"));
            compare(differences, prefix + "reservedPpb", company.reservedPpb(), account.path("reservedPpb"));
            compare(differences, prefix + "spentPpb", company.spentPpb(), account.path("spentPpb"));
            compare(differences, prefix + "netTransferredPpb", company.netTransferredPpb(),
                    account.path("netTransferredPpb"));
        }
        return differences;
    }

    private static void compare(List<String> differences, String figure, Ppb replayed, JsonNode shown) {
        if (!shown.isIntegralNumber() || shown.asLong() != replayed.value()) {
            differences.add(figure + " is " + shown + ", the replayed audit log says " + replayed.value());
        }
    }

    /** A client retrying an answered command with its key gets the first answer, and the store does not change. */
    private static List<String> replayedCommandsChangeNothing(ApiClient client, URI ledger, TestRegime regime,
            List<Outcome> acknowledged, AuditLog before) {
        List<String> failures = new ArrayList<>();
        int step = Math.max(1, acknowledged.size() / REPLAYED_COMMANDS);
        for (int i = 0; i < acknowledged.size(); i += step) {
            Outcome first = acknowledged.get(i);
            LoadCommand command = first.command();
            ApiClient.Answer again = client.send("POST", ledger.resolve(command.path()),
                    client.token(command.role(), command.actingCompanyId()), command.body(), command.key());
            if (again.status() != first.answer().status()
                    || again.body().path("sequence").asLong(-1) != first.sequence()) {
                failures.add("sending " + command + " again with its key answered " + again.status() + " "
                        + again.text() + " instead of its first answer " + first.answer().text());
            }
        }
        AuditLog after = AuditLog.export(client, ledger, regime.id());
        if (!after.text().equals(before.text())) {
            failures.add("sending acknowledged commands again with their keys changed the event store: "
                    + before.size() + " events before, " + after.size() + " after");
        }
        return failures;
    }
}
