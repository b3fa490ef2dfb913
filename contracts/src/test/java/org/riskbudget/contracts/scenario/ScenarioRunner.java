package org.riskbudget.contracts.scenario;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Runs a scenario over real HTTP. Commands (every POST and PUT) and GETs under {@code /api/v1/risk/} or ending in
 * {@code /audit-log} go to ledger-service; other GETs go to projection-service, with {@code minSequence} set to the
 * last sequence a command returned, so reads see every earlier write. Without a projection-service the read steps
 * are skipped: the command side alone can then be tested.
 */
public final class ScenarioRunner {

    private final URI ledger;
    private final URI projection;
    private final ApiClient client;
    private BiConsumer<Scenario.Step, Long> skippedReads = (step, sequence) -> { };
    private long lastSequence;

    /** @param projection null to run only the command-side steps */
    public ScenarioRunner(URI ledger, URI projection) {
        this.ledger = ledger;
        this.projection = projection;
        this.client = new ApiClient(ledger);
    }

    /**
     * Tells {@code observer} of every read step skipped for want of a projection-service, with the last sequence a
     * command had returned by then, so a test can check the step's figures some other way.
     */
    public ScenarioRunner onSkippedRead(BiConsumer<Scenario.Step, Long> observer) {
        this.skippedReads = observer;
        return this;
    }

    /** Runs every step; the first that gets another answer than expected fails with the step and both answers. */
    public Report run(Scenario scenario) {
        int ran = 0;
        int skipped = 0;
        for (int index = 0; index < scenario.steps().size(); index++) {
            Scenario.Step step = scenario.steps().get(index);
            boolean toLedger = goesToLedger(step.request());
            if (!toLedger && projection == null) {
                skippedReads.accept(step, lastSequence);
                skipped++;
                continue;
            }
            ApiClient.Answer answer = send(step, toLedger);
            String where = scenario.name() + " step " + (index + 1) + " (" + step.request().method() + " "
                    + step.request().path() + ")";
            check(where, step.expect(), answer);
            if (toLedger && answer.status() / 100 == 2 && answer.body().has("sequence")) {
                lastSequence = Math.max(lastSequence, answer.body().get("sequence").asLong());
            }
            ran++;
        }
        return new Report(scenario.name(), ran, skipped, lastSequence);
    }

    /** How many steps ran, how many were read steps skipped, and the last sequence a command returned. */
    public record Report(String scenario, int stepsRun, int stepsSkipped, long lastSequence) {}

    static boolean goesToLedger(Scenario.Request request) {
        return !"GET".equals(request.method()) || request.path().startsWith("/api/v1/risk/")
                || request.path().split("\\?")[0].endsWith("/audit-log");
    }

    private ApiClient.Answer send(Scenario.Step step, boolean toLedger) {
        Scenario.Request request = step.request();
        String path = request.path();
        if (!toLedger) {
            path += (path.contains("?") ? "&" : "?") + "minSequence=" + lastSequence;
        }
        String token = step.as() == null ? null : client.token(step.as().role(), step.as().companyId());
        String body = request.raw() != null ? request.raw() : request.body() != null ? request.body().toString() : null;
        return client.send(request.method(), (toLedger ? ledger : projection).resolve(path), token, body,
                request.idempotencyKey());
    }

    /** Fails when {@code answer} is not what {@code expect} says; {@code where} names the step in the message. */
    public static void check(String where, Scenario.Expectation expect, ApiClient.Answer answer) {
        JsonNode status = expect.status();
        boolean statusMatches = status.isNumber() ? answer.status() == status.asInt()
                : String.valueOf(answer.status()).charAt(0) == status.asString().charAt(0);
        if (!statusMatches) {
            throw new AssertionError(where + ": expected status " + status + " but got " + answer.status() + " "
                    + answer.text());
        }
        if (expect.code() != null) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                throw new AssertionError(where + ": expected problem+json but got " + answer.contentType());
            }
            if (!expect.code().equals(answer.code())) {
                throw new AssertionError(where + ": expected code " + expect.code() + " but got " + answer.text());
            }
        }
        if (expect.json() != null) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expect.json().properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode actual = at(answer.body(), field.getKey());
                if (!sameValue(field.getValue(), actual)) {
                    throw new AssertionError(where + ": expected " + field.getKey() + " = " + field.getValue()
                            + " but got " + actual + " in " + answer.text());
                }
            }
        }
    }

    /** The node at a dotted path such as {@code items.0.flags.0}; missing when any part is absent. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.isArray() && part.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(part))
                    : node.path(part);
        }
        return node;
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
