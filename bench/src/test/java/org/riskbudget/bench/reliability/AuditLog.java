package org.riskbudget.bench.reliability;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.ChainHead;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/** A regime's audit log as the ledger exports it to an auditor: the event store's content for that regime. */
final class AuditLog {

    private final String text;
    private final NavigableMap<Long, JsonNode> events;

    private AuditLog(String text, NavigableMap<Long, JsonNode> events) {
        this.text = text;
        this.events = Collections.unmodifiableNavigableMap(events);
    }

    static AuditLog export(ApiClient client, URI ledger, String regimeId) {
        ApiClient.Answer answer = client.send("GET", ledger.resolve("/api/v1/regimes/" + regimeId + "/audit-log"),
                client.token("AUDITOR", null), null, null);
        if (answer.status() != 200) {
            throw new AssertionError("audit log export of " + regimeId + " failed: " + answer.status() + " "
                    + answer.text());
        }
        NavigableMap<Long, JsonNode> events = new TreeMap<>();
        List<String> repeated = new ArrayList<>();
        for (String line : answer.text().split("\n")) {
            if (!line.isBlank()) {
                JsonNode event = LedgerJson.mapper().readTree(line);
                if (events.put(event.path("sequence").asLong(), event) != null) {
                    repeated.add(line);
                }
            }
        }
        if (!repeated.isEmpty()) {
            throw new AssertionError("the audit log of " + regimeId + " states a sequence twice: " + repeated);
        }
        return new AuditLog(answer.text(), events);
    }

    String text() {
        return text;
    }

    /** Events by sequence. */
    NavigableMap<Long, JsonNode> events() {
        return events;
    }

    int size() {
        return events.size();
    }

    long lastSequence() {
        return events.isEmpty() ? 0 : events.lastKey();
    }

    /** The independent verifier's verdict: the chain walked, the books replayed, every rule checked. */
    AuditLogVerifier.Verdict verify(ChainHead attestedHead) {
        return AuditLogVerifier.verify(new StringReader(text), attestedHead);
    }
}
