package org.riskbudget.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskbudget.bench.Stack;
import org.riskbudget.bench.reliability.HostileRequests.HostileCase;
import org.riskbudget.bench.reliability.HostileRequests.Service;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.scenario.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input over real HTTP, against both services: generated requests (see {@link HostileRequests}), about a
 * thousand in CI and ten thousand in long mode, and the bounds on bodies and lists. Every answer must be a 4xx in
 * {@code application/problem+json} with its {@code status} and a {@code code}, never a 5xx, never a hang, and the
 * event store must be exactly as before. A failure names the seed that replays the run.
 */
class HostileInputTest {

    private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);
    private static final ReliabilityMode MODE = ReliabilityMode.current();
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int SENDERS = 4;
    private static final int BODY_LIMIT_BYTES = 256 * 1024;
    private static final int EXAMPLES_PER_CATEGORY = 4;
    private static final String KNOWN_KEY = "hostile-known-key";
    private static final String SUBMITTED_CASE = "k-able-review";

    private static Stack stack;
    private static ApiClient client;
    private static TestRegime regime;
    private static HostileRequests.Context context;

    @BeforeAll
    static void prepareARegimeToAttack() {
        stack = Stack.shared();
        client = new ApiClient(stack.ledger());
        Map<String, Long> allocations = new LinkedHashMap<>();
        allocations.put("able", 10_000_000L);
        allocations.put("broke", 0L);
        allocations.put("other", 1_000_000L);
        regime = TestRegime.open(client, stack.ledger(), "hostile", 100_000_000L, false, allocations);
        require(client.send("POST", stack.ledger().resolve(regime.path("/safety-cases")),
                client.token("COMPANY", "able"), LoadCommand.caseBody(SUBMITTED_CASE, "able", 1_000).toString(),
                "hostile-submit"), "submit the case under review");
        require(client.send("POST", stack.ledger().resolve(regime.path("/allocations")), client.token("REGULATOR",
                null), "{\"companyId\":\"able\",\"amountPpb\":2}", KNOWN_KEY), "use the known key once");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("REGULATOR", "AUDITOR", "VIEWER")) {
            tokens.put(role, client.token(role, null));
        }
        for (String company : List.of("able", "broke", "other")) {
            tokens.put("COMPANY:" + company, client.token("COMPANY", company));
        }
        context = new HostileRequests.Context(regime.id(), SUBMITTED_CASE, tokens, KNOWN_KEY,
                new ForgedTokens(stack.issuerKeyFile()).unauthenticated());
    }

    @Test
    void generatedHostileRequestsAreRefusedWith4xxProblemJsonAndChangeNothing() throws Exception {
        StoreState before = StoreState.of(client, stack.ledger(), regime.id());
        long swallowedBefore = UnitOfWorkFailures.loggedBy(stack.ledgerProcess());
        HostileRequests generator = new HostileRequests(MODE.seed(), context);
        List<HostileCase> cases = IntStream.range(0, MODE.hostileCases()).mapToObj(generator::next).toList();
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        Map<String, List<String>> failures = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long startedNs = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> done = new ArrayList<>();
        for (HostileCase hostile : cases) {
            done.add(senders.submit(() -> {
                sent.computeIfAbsent(hostile.category(), category -> new AtomicInteger()).incrementAndGet();
                String failure;
                try {
                    RawHttp.Reply reply = RawHttp.exchange(base(hostile.service()), hostile.request(), DEADLINE);
                    statuses.computeIfAbsent(reply.status(), status -> new AtomicInteger()).incrementAndGet();
                    failure = wrongAnswer(reply, hostile.expected());
                } catch (IOException noAnswer) {
                    failure = "no answer within " + DEADLINE + ": " + noAnswer;
                }
                if (failure != null) {
                    failures.computeIfAbsent(hostile.category(), category -> new ArrayList<>())
                            .add(hostile + "\n        → " + failure);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        senders.shutdown();
        StoreState after = StoreState.of(client, stack.ledger(), regime.id());
        log.info("{} hostile requests in {} ms; statuses {}; by category {}", cases.size(),
                (System.nanoTime() - startedNs) / 1_000_000, new TreeMap<>(statuses), new TreeMap<>(sent));

        List<String> report = new ArrayList<>();
        new TreeMap<>(failures).forEach((category, failed) -> {
            failed.sort(null);
            report.add(category + ": " + failed.size() + " of " + sent.get(category) + " wrong, for example\n      "
                    + String.join("\n      ", failed.subList(0, Math.min(EXAMPLES_PER_CATEGORY, failed.size()))));
        });
        String changed = after.changesSince(before);
        if (changed != null) {
            report.add(changed);
        }
        long swallowed = UnitOfWorkFailures.loggedBy(stack.ledgerProcess()) - swallowedBefore;
        if (swallowed > 0) {
            report.add(swallowed + " rollbacks or clean-ups failed in the ledger (see its log)");
        }
        assertThat(report).as("hostile requests answered other than with a 4xx problem+json, in %s; replay with "
                + "-Dreliability.seed=%d:\n  %s", MODE, MODE.seed(), String.join("\n  ", report)).isEmpty();
    }

    @Test
    void requestBodiesAreBoundedAt256KiBAndListsAtTheirLimits() throws IOException {
        StoreState before = StoreState.of(client, stack.ledger(), regime.id());
        String transfer = "{\"fromCompanyId\":\"broke\",\"toCompanyId\":\"able\",\"amountPpb\":1}";

        assertAnswer(command("POST", regime.path("/transfers"), "COMPANY:broke", padded(transfer, BODY_LIMIT_BYTES),
                false), 409, "a body of exactly 256 KiB is read, and refused on its merits");
        assertAnswer(command("POST", regime.path("/transfers"), "COMPANY:broke", padded(transfer,
                BODY_LIMIT_BYTES + 1), false), 413, "one byte over 256 KiB, with Content-Length");
        assertAnswer(command("POST", regime.path("/transfers"), "COMPANY:broke", padded(transfer, 300 * 1024),
                false), 413, "300 KiB with Content-Length");
        assertAnswer(command("POST", regime.path("/transfers"), "COMPANY:broke", padded(transfer, 300 * 1024),
                true), 413, "300 KiB streamed without a length");
        assertAnswer(command("POST", regime.path("/transfers"), "COMPANY:broke", padded(transfer, 8 * 1024 * 1024),
                true), 413, "8 MiB streamed without a length");

        assertThat(assertAnswer(command("POST", regime.path("/safety-cases"), "COMPANY:broke",
                caseWithLists(101, 0), false), 400, "101 evidence items").path("detail").asString())
                .contains("evidence");
        assertAnswer(command("POST", regime.path("/safety-cases"), "COMPANY:broke", caseWithLists(100, 0), false),
                409, "100 evidence items: within the bound, refused for want of budget");
        assertThat(assertAnswer(command("POST", regime.path("/safety-cases"), "COMPANY:broke",
                caseWithLists(0, 101), false), 400, "101 dependencies").path("detail").asString())
                .contains("dependsOn");

        for (String list : List.of("/api/v1/regimes", regime.path("/companies"), regime.path("/safety-cases"))) {
            assertAnswer(read(list + "?limit=1001"), 400, "limit=1001 on " + list);
            assertAnswer(read(list + "?limit=0"), 400, "limit=0 on " + list);
            RawHttp.Reply page = RawHttp.exchange(stack.projection(), read(list + "?limit=1000").request(), DEADLINE);
            assertThat(page.status()).as("limit=1000 on %s: %s", list, page.text()).isEqualTo(200);
            assertThat(LedgerJson.mapper().readTree(page.text()).path("items").size()).isLessThanOrEqualTo(1000);
        }
        assertThat(StoreState.of(client, stack.ledger(), regime.id()).changesSince(before)).isNull();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Null when the answer is right: one of {@code expected} (any 4xx when empty), in problem+json whose
     * {@code status} is the HTTP status and with a {@code code}. A 2xx counts as right only where a read may succeed.
     */
    static String wrongAnswer(RawHttp.Reply reply, Set<Integer> expected) {
        int status = reply.status();
        String body = shorten(reply.text());
        if (status < 400 && expected.contains(status)) {
            return null;
        }
        if (status >= 500) {
            return "answered " + status + " (5xx) " + reply.contentType() + " " + body;
        }
        if (status < 400) {
            return "not refused: answered " + status + " " + body;
        }
        if (!expected.isEmpty() && !expected.contains(status)) {
            return "answered " + status + " instead of " + expected + ": " + body;
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "answered " + status + " as \"" + reply.contentType() + "\", not application/problem+json: " + body;
        }
        JsonNode problem;
        try {
            problem = LedgerJson.mapper().readTree(reply.text());
        } catch (RuntimeException notJson) {
            return "answered " + status + " problem+json that is not JSON: " + body;
        }
        if (problem.path("status").asInt() != status) {
            return "problem+json states status " + problem.path("status") + " for HTTP " + status + ": " + body;
        }
        if (problem.path("code").asString("").isEmpty()) {
            return "problem+json without a code: " + body;
        }
        return null;
    }

    private static JsonNode assertAnswer(HostileCase request, int status, String what) throws IOException {
        RawHttp.Reply reply = RawHttp.exchange(base(request.service()), request.request(), DEADLINE);
        assertThat(wrongAnswer(reply, Set.of(status))).as(what).isNull();
        return LedgerJson.mapper().readTree(reply.text());
    }

    private static HostileCase command(String method, String path, String caller, byte[] body, boolean chunked) {
        return new HostileCase(0, "explicit", path, Service.LEDGER, new RawHttp.Request(method, path,
                RawHttp.headers("Authorization", "Bearer " + context.tokens().get(caller), "Content-Type",
                        "application/json"), body, chunked), Set.of());
    }

    private static HostileCase read(String target) {
        return new HostileCase(0, "explicit", target, Service.PROJECTION, new RawHttp.Request("GET", target,
                RawHttp.headers("Authorization", "Bearer " + context.tokens().get("VIEWER")), null, false), Set.of());
    }

    /** Valid JSON of exactly {@code size} bytes: whitespace before the closing brace. */
    private static byte[] padded(String json, int size) {
        return (json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] caseWithLists(int evidenceItems, int dependencies) {
        ObjectNode body = LoadCommand.caseBody("k-lists-" + evidenceItems + "-" + dependencies, "broke", 1);
        ArrayNode evidence = ((ObjectNode) body.get("assessments")).putObject("misalignment")
                .put("priorProbability", "0.03").putArray("evidence");
        for (int i = 0; i < evidenceItems; i++) {
            evidence.addObject().put("kind", "BEHAVIOURAL").put("description", "item " + i).put("likelihoodRatio", "1");
        }
        ArrayNode dependsOn = body.putArray("dependsOn");
        for (int i = 0; i < dependencies; i++) {
            dependsOn.add("k-dependency-" + i);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static URI base(Service service) {
        return service == Service.LEDGER ? stack.ledger() : stack.projection();
    }

    private static void require(ApiClient.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("setup step failed: " + what + ": " + answer.status() + " " + answer.text());
        }
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
    }
}
