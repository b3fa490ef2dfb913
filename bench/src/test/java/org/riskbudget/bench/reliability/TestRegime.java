package org.riskbudget.bench.reliability;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A regime of one test's own, opened over HTTP with its companies and their first allocations, so each test reads
 * an event store no other test writes to. Tokens for every caller are fetched here, while the ledger is up: the
 * local issuer's key outlives restarts, so they stay valid through every kill.
 */
final class TestRegime {

    private final String id;
    private final long capPpb;
    private final boolean selfCertifying;
    private final Map<String, Long> initialAllocations;
    private final long setupLastSequence;

    private TestRegime(String id, long capPpb, boolean selfCertifying, Map<String, Long> initialAllocations,
            long setupLastSequence) {
        this.id = id;
        this.capPpb = capPpb;
        this.selfCertifying = selfCertifying;
        this.initialAllocations = Map.copyOf(initialAllocations);
        this.setupLastSequence = setupLastSequence;
    }

    /**
     * Opens {@code prefix-<random>} with the cap, registers the companies and allocates each its amount.
     *
     * @param selfCertifying whether a submitted case is accepted at once (policy {@code reviewRequired: false})
     */
    static TestRegime open(ApiClient client, URI ledger, String prefix, long capPpb, boolean selfCertifying,
            Map<String, Long> allocations) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String regulator = client.token("REGULATOR", null);
        client.token("AUDITOR", null);
        client.token("VIEWER", null);
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode open = json.objectNode().put("id", id).put("name", "reliability " + prefix).put("capPpb", capPpb);
        open.putObject("policy").put("reviewRequired", !selfCertifying);
        long sequence = require(client.send("POST", ledger.resolve("/api/v1/regimes"), regulator, open.toString(),
                id + "-open"), "open " + id);
        for (String company : allocations.keySet()) {
            client.token("COMPANY", company);
            sequence = require(client.send("POST", ledger.resolve("/api/v1/regimes/" + id + "/companies"), regulator,
                    json.objectNode().put("companyId", company).put("name", "Company " + company).toString(),
                    id + "-register-" + company), "register " + company);
        }
        for (Map.Entry<String, Long> allocation : allocations.entrySet()) {
            if (allocation.getValue() > 0) {
                sequence = require(client.send("POST", ledger.resolve("/api/v1/regimes/" + id + "/allocations"),
                        regulator, json.objectNode().put("companyId", allocation.getKey())
                                .put("amountPpb", allocation.getValue()).toString(),
                        id + "-allocate-" + allocation.getKey()), "allocate to " + allocation.getKey());
            }
        }
        return new TestRegime(id, capPpb, selfCertifying, new LinkedHashMap<>(allocations), sequence);
    }

    private static long require(ApiClient.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("setup step failed: " + what + ": " + answer.status() + " " + answer.text());
        }
        return answer.body().path("sequence").asLong();
    }

    String id() {
        return id;
    }

    long capPpb() {
        return capPpb;
    }

    boolean selfCertifying() {
        return selfCertifying;
    }

    List<String> companies() {
        return initialAllocations.keySet().stream().sorted().toList();
    }

    long initialAllocationPpb(String company) {
        return initialAllocations.get(company);
    }

    /** The sequence of the last setup event: every later event must belong to a command a test client sent. */
    long setupLastSequence() {
        return setupLastSequence;
    }

    String path(String suffix) {
        return "/api/v1/regimes/" + id + suffix;
    }
}
