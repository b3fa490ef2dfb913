package org.riskbudget.ledger;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side's answers as an auditor's replay of the audit log computes them: lets the command-side tests check
 * the read steps of the worked scenarios against books that share no code with the ledger or the projection.
 */
final class BooksAsReadViews {

    private BooksAsReadViews() {}

    static JsonNode answer(String path, RegimeBooks books) {
        URI uri = URI.create(path);
        String[] parts = uri.getPath().split("/");
        String resource = parts[5];
        if ("budget".equals(resource)) {
            return budget(books);
        }
        if ("companies".equals(resource) && parts.length == 7) {
            return company(books.company(CompanyId.of(parts[6])).orElseThrow());
        }
        if ("safety-cases".equals(resource)) {
            return cases(books, query(uri));
        }
        throw new IllegalArgumentException("no replayed view for " + path);
    }

    private static ObjectNode budget(RegimeBooks books) {
        return LedgerJson.mapper().createObjectNode()
                .put("capPpb", books.capPpb().value())
                .put("allocatedPpb", books.allocatedPpb().value())
                .put("unallocatedPpb", books.poolPpb().value())
                .put("reservedPpb", books.reservedPpb().value())
                .put("spentPpb", books.spentPpb().value())
                .put("remainingPpb", books.remainingPpb().value())
                .put("status", books.status().name())
                .put("lastSequence", books.lastSequence());
    }

    private static ObjectNode company(RegimeBooks.Company company) {
        return LedgerJson.mapper().createObjectNode()
                .put("allocatedPpb", company.allocatedPpb().value())
                .put("netTransferredPpb", company.netTransferredPpb().value())
                .put("availablePpb", company.availablePpb().value())
                .put("reservedPpb", company.reservedPpb().value())
                .put("spentPpb", company.spentPpb().value())
                .put("status", company.status().name());
    }

    private static ObjectNode cases(RegimeBooks books, Map<String, String> query) {
        ObjectNode page = LedgerJson.mapper().createObjectNode();
        ArrayNode items = page.putArray("items");
        books.cases().stream()
                .filter(safetyCase -> !query.containsKey("companyId")
                        || safetyCase.companyId().value().equals(query.get("companyId")))
                .filter(safetyCase -> !query.containsKey("status")
                        || safetyCase.status().name().equals(query.get("status")))
                .sorted(Comparator.comparing(RegimeBooks.SafetyCase::caseId))
                .forEach(safetyCase -> {
                    ObjectNode item = items.addObject()
                            .put("caseId", safetyCase.caseId().value())
                            .put("companyId", safetyCase.companyId().value())
                            .put("status", safetyCase.status().name())
                            .put("riskPpb", safetyCase.riskPpb().value())
                            .put("chargedPpb", safetyCase.chargedPpb().value());
                    ArrayNode flags = item.putArray("flags");
                    safetyCase.flags().forEach(flag -> flags.add(flag.name()));
                });
        return page;
    }

    private static Map<String, String> query(URI uri) {
        if (uri.getQuery() == null) {
            return Map.of();
        }
        return Arrays.stream(uri.getQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
