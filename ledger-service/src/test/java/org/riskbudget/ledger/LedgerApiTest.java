package org.riskbudget.ledger;

import java.net.URI;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.riskbudget.contracts.scenario.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What tests of the running ledger-service share: a client calling it over real HTTP with tokens from its local
 * issuer, and short ways to set up regimes, companies and cases.
 */
public abstract class LedgerApiTest {

    /** The properties every test context of the ledger sets. */
    static final String LOCAL_ISSUER = "ledger.security.local-issuer.enabled=true";
    static final String ISSUER_KEY = "ledger.security.local-issuer.key-file=target/test-issuer-key.json";
    static final String FREQUENT_SNAPSHOTS = "ledger.regime.snapshot-every-events=5";
    static final String FREQUENT_EXPIRY_SWEEPS = "ledger.expiry.sweep-interval=300ms";

    @LocalServerPort
    private int port;

    @Autowired
    protected EventStore eventStore;

    protected ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient(base());
    }

    protected URI base() {
        return URI.create("http://localhost:" + port);
    }

    protected URI uri(String path) {
        return base().resolve(path);
    }

    protected static String uniqueRegimeId() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected ApiClient.Answer post(String path, String role, String companyId, String body) {
        return client.send("POST", uri(path), client.token(role, companyId), body, null);
    }

    protected ApiClient.Answer get(String path, String role, String companyId) {
        return client.send("GET", uri(path), client.token(role, companyId), null, null);
    }

    protected ApiClient.Answer regulator(String path, String body) {
        return post(path, "REGULATOR", null, body);
    }

    /** How many events the regime has in the event store: what a refused request must leave unchanged. */
    protected long eventCount(String regimeId) {
        return eventStore.lastSequenceNumberFor(regimeId).map(last -> last + 1).orElse(0L);
    }

    /** A regime with the given companies, each allocated {@code amountPpb}, under the default policy. */
    protected String regimeWithCompanies(long amountPpb, String... companies) {
        String regimeId = uniqueRegimeId();
        expectSuccess(regulator("/api/v1/regimes",
                "{\"id\":\"" + regimeId + "\",\"name\":\"test\",\"capPpb\":2500000,\"policy\":{}}"));
        for (String company : companies) {
            expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/companies",
                    "{\"companyId\":\"" + company + "\",\"name\":\"" + company + "\"}"));
            expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/allocations",
                    "{\"companyId\":\"" + company + "\",\"amountPpb\":" + amountPpb + "}"));
        }
        return regimeId;
    }

    protected String submitCase(String regimeId, String companyId, String caseId, long securityRiskPpb) {
        expectSuccess(post("/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY", companyId,
                caseBody(caseId, companyId, securityRiskPpb)));
        return caseId;
    }

    protected static String caseBody(String caseId, String companyId, long securityRiskPpb) {
        return """
                {"caseId": "%s", "companyId": "%s", "system": {"name": "sys", "version": "1"},
                 "capabilityTier": "AI_3X", "window": {"from": "2027-01-01T00:00:00Z", "to": "2027-06-01T00:00:00Z"},
                 "assessments": {"security": {"level": "SL3", "riskPpb": %d},
                   "misalignment": {"priorProbability": "0.00001", "evidence": []}, "misuse": {"riskPpb": 1000}},
                 "dependsOn": []}""".formatted(caseId, companyId, securityRiskPpb);
    }

    protected static ApiClient.Answer expectSuccess(ApiClient.Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("expected success but got " + answer.status() + " " + answer.text());
        }
        return answer;
    }
}
