package org.riskbudget.bench.reliability;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One command a test client sends: the request (path, caller, body, idempotency key) and what it must leave in the
 * event store when it succeeds, so an acknowledged answer can be matched to exactly the events it stands for.
 *
 * @param itemId        the transfer or case id the client chose; null for an allocation
 * @param selfCertified a case in a self-certifying regime: submitted and accepted in one batch of two events
 */
record LoadCommand(Kind kind, String key, String path, String role, String actingCompanyId, String body,
        String companyId, String toCompanyId, String itemId, long amountPpb, boolean selfCertified) {

    enum Kind { ALLOCATION, TRANSFER, SAFETY_CASE }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static LoadCommand allocation(String regimeId, String key, String companyId, long amountPpb) {
        ObjectNode body = JSON.objectNode().put("companyId", companyId).put("amountPpb", amountPpb);
        return new LoadCommand(Kind.ALLOCATION, key, "/api/v1/regimes/" + regimeId + "/allocations", "REGULATOR",
                null, body.toString(), companyId, null, null, amountPpb, false);
    }

    static LoadCommand transfer(String regimeId, String key, String transferId, String fromCompanyId,
            String toCompanyId, long amountPpb) {
        ObjectNode body = JSON.objectNode().put("transferId", transferId).put("fromCompanyId", fromCompanyId)
                .put("toCompanyId", toCompanyId).put("amountPpb", amountPpb).put("reference", "load " + key);
        return new LoadCommand(Kind.TRANSFER, key, "/api/v1/regimes/" + regimeId + "/transfers", "COMPANY",
                fromCompanyId, body.toString(), fromCompanyId, toCompanyId, transferId, amountPpb, false);
    }

    /** A case whose only assessed component is misuse, so its risk is exactly {@code riskPpb}. */
    static LoadCommand safetyCase(String regimeId, String key, String caseId, String companyId, long riskPpb,
            boolean selfCertified) {
        return new LoadCommand(Kind.SAFETY_CASE, key, "/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY",
                companyId, caseBody(caseId, companyId, riskPpb).toString(), companyId, null, caseId, riskPpb,
                selfCertified);
    }

    static ObjectNode caseBody(String caseId, String companyId, long riskPpb) {
        ObjectNode body = JSON.objectNode().put("caseId", caseId).put("companyId", companyId)
                .put("capabilityTier", "BELOW_3X");
        body.putObject("system").put("name", "system-" + caseId).put("version", "1");
        // Far in the future, so no expiry deadline adds events while a test runs.
        body.putObject("window").put("from", "2090-01-01T00:00:00Z").put("to", "2091-01-01T00:00:00Z");
        body.putObject("assessments").putObject("misuse").put("riskPpb", riskPpb);
        body.putArray("dependsOn");
        return body;
    }

    /** The sequences its events occupy, given the sequence its answer states (that of its last event). */
    List<Long> sequences(long answerSequence) {
        return selfCertified ? List.of(answerSequence - 1, answerSequence) : List.of(answerSequence);
    }

    /** Null when the events at the answer's sequences are this command's; otherwise what differs. */
    String mismatch(Map<Long, JsonNode> events, long answerSequence) {
        List<Long> sequences = sequences(answerSequence);
        for (int i = 0; i < sequences.size(); i++) {
            JsonNode event = events.get(sequences.get(i));
            if (event == null) {
                return "no event at sequence " + sequences.get(i);
            }
            String expected = expectedType(i);
            String problem = !expected.equals(event.path("type").asString()) ? "type " + event.path("type").asString()
                    + " instead of " + expected : fieldMismatch(event);
            if (!problem.isEmpty()) {
                return "event " + sequences.get(i) + ": " + problem + " (" + event + ")";
            }
        }
        return null;
    }

    private String expectedType(int index) {
        return switch (kind) {
            case ALLOCATION -> "BudgetAllocated";
            case TRANSFER -> "BudgetTransferred";
            case SAFETY_CASE -> index == 0 ? "SafetyCaseSubmitted" : "SafetyCaseAccepted";
        };
    }

    private String fieldMismatch(JsonNode event) {
        return switch (kind) {
            case ALLOCATION -> differs(event, "companyId", companyId) + differs(event, "amountPpb", amountPpb);
            case TRANSFER -> differs(event, "transferId", itemId) + differs(event, "fromCompanyId", companyId)
                    + differs(event, "toCompanyId", toCompanyId) + differs(event, "amountPpb", amountPpb);
            case SAFETY_CASE -> differs(event, "caseId", itemId) + differs(event, "companyId", companyId)
                    + differs(event, event.has("riskPpb") ? "riskPpb" : "amountPpb", amountPpb);
        };
    }

    private static String differs(JsonNode event, String field, String expected) {
        return expected.equals(event.path(field).asString()) ? "" : field + " is not " + expected + "; ";
    }

    private static String differs(JsonNode event, String field, long expected) {
        return event.path(field).isIntegralNumber() && event.path(field).asLong() == expected ? ""
                : field + " is not " + expected + "; ";
    }

    @Override
    public String toString() {
        return kind + " key=" + key + (itemId == null ? "" : " id=" + itemId) + " company=" + companyId
                + (toCompanyId == null ? "" : " to=" + toCompanyId) + " amountPpb=" + amountPpb;
    }
}
