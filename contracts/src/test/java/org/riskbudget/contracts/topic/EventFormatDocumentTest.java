package org.riskbudget.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.BudgetReclaimedEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.SafetyCaseExpiredEvent;
import org.riskbudget.contracts.event.SafetyCaseRejectedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events topic's AsyncAPI document ({@code src/main/resources/asyncapi/ledger-events.json}) is the one the event
 * records generate, so it cannot drift from them; it has a message for every event type; and real events, as the
 * ledger writes them, fit their message's schema.
 * <p>
 * After changing an event, regenerate the document with
 * {@code ./mvnw -pl contracts test -Dtest=EventFormatDocumentTest -Dasyncapi.write=true} and commit it.
 */
class EventFormatDocumentTest {

    static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "src", "main", "resources", "asyncapi",
            "ledger-events.json");
    private static final String REGENERATE = "./mvnw -pl contracts test -Dtest=EventFormatDocumentTest "
            + "-Dasyncapi.write=true";

    private static String generated;
    private static JsonNode document;

    @BeforeAll
    static void generate() throws IOException {
        generated = EventFormatDocument.text();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        document = LedgerJson.mapper().readTree(generated);
    }

    @Test
    void theCommittedDocumentIsTheOneTheEventRecordsGenerate() throws IOException {
        assertThat(DOCUMENT).as("%s is missing; create it with %s", DOCUMENT, REGENERATE).exists();
        String committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8);

        String difference = firstDifference(LedgerJson.mapper().readTree(committed), document, "");
        assertThat(difference)
                .as("%s no longer matches the event records (first difference at %s); regenerate it with %s and "
                        + "commit it", DOCUMENT, difference, REGENERATE)
                .isNull();
    }

    /** The JSON pointer of the first place where the two differ, or null when they are equal. */
    private static String firstDifference(JsonNode committed, JsonNode generated, String at) {
        if (committed.equals(generated)) {
            return null;
        }
        if (committed.isObject() && generated.isObject()) {
            for (String name : generated.propertyNames()) {
                if (!committed.has(name)) {
                    return at + "/" + name + " (missing)";
                }
                String inner = firstDifference(committed.get(name), generated.get(name), at + "/" + name);
                if (inner != null) {
                    return inner;
                }
            }
            return at + " (members the records no longer have)";
        }
        if (committed.isArray() && generated.isArray() && committed.size() == generated.size()) {
            for (int index = 0; index < generated.size(); index++) {
                String inner = firstDifference(committed.get(index), generated.get(index), at + "/" + index);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return at.isEmpty() ? "/" : at;
    }

    @Test
    void everyEventTypeHasAMessageNamedByItsTypeWithItsRevisionAndKey() {
        Map<String, Class<?>> types = EventFormatDocument.eventTypes();
        JsonNode messages = document.at("/components/messages");

        assertThat(messages.propertyNames()).containsExactlyElementsOf(types.keySet());
        assertThat(document.at("/channels/ledgerEvents/messages").propertyNames())
                .containsExactlyElementsOf(types.keySet());
        assertThat(document.at("/channels/ledgerEvents/address").asString()).isEqualTo(LedgerTopic.DEFAULT_NAME);
        types.forEach((name, type) -> {
            JsonNode message = messages.get(name);
            assertThat(message.at("/headers/properties/" + LedgerTopic.TYPE_HEADER + "/const").asString())
                    .isEqualTo(name);
            assertThat(message.at("/headers/properties/" + LedgerTopic.REVISION_HEADER + "/const").asString())
                    .isEqualTo(type.getAnnotation(Revision.class).value());
            assertThat(message.at("/bindings/kafka/key/pattern").asString())
                    .isEqualTo(EventFormatDocument.ID_PATTERN);
            JsonNode payload = resolve(message.get("payload"));
            assertThat(payload.at("/properties/type/const").asString()).isEqualTo(name);
            assertThat(payload.get("required").valueStream().map(JsonNode::asString))
                    .contains("type", "regimeId", "sequence", "occurredAt", "actor", "previousHash", "hash");
            assertThat(payload.get("additionalProperties").asBoolean(true)).isFalse();
        });
        assertThat(document.at("/components/schemas/Ppb/type").asString()).isEqualTo("integer");
        assertThat(document.at("/components/schemas/Probability/pattern").asString())
                .isEqualTo(EventFormatDocument.DECIMAL_PATTERN);
    }

    @Test
    void realEventsFitTheSchemaOfTheirMessage() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String log : List.of("/audit/essay-smoking-gun.jsonl", "/audit/unilateral-approvals.jsonl")) {
            for (String line : lines(log)) {
                // As the ledger publishes it: read into the public language, written with LedgerJson.
                events.add(LedgerJson.mapper().valueToTree(LedgerJson.mapper().readValue(line, LedgerEvent.class)));
            }
        }
        events.addAll(typesMissingFromTheLogs());
        assertThat(events.stream().map(event -> event.get("type").asString()).distinct())
                .as("every event type is checked").hasSameSizeAs(EventFormatDocument.eventTypes().keySet());

        for (JsonNode event : events) {
            JsonNode payload = document.at("/components/messages/" + event.get("type").asString() + "/payload");
            assertThat(SchemaCheck.problems(document, payload, event)).as(event.toString()).isEmpty();
        }
    }

    @Test
    void anEventThatBreaksItsFormatDoesNotFit() throws IOException {
        ObjectNode allocation = (ObjectNode) LedgerJson.mapper().readTree(lines("/audit/essay-smoking-gun.jsonl")
                .stream().filter(line -> line.contains("\"BudgetAllocated\"")).findFirst().orElseThrow());
        JsonNode payload = document.at("/components/messages/BudgetAllocated/payload");
        assertThat(SchemaCheck.problems(document, payload, allocation)).isEmpty();

        ObjectNode unknownMember = allocation.deepCopy().put("amountPpbs", 5);
        ObjectNode missingHash = allocation.deepCopy();
        missingHash.remove("hash");
        ObjectNode amountAsText = allocation.deepCopy().put("amountPpb", "5");
        ObjectNode badId = allocation.deepCopy().put("companyId", "not an id");
        ObjectNode otherType = allocation.deepCopy().put("type", "BudgetReclaimed");

        assertThat(SchemaCheck.problems(document, payload, unknownMember)).anyMatch(p -> p.contains("amountPpbs"));
        assertThat(SchemaCheck.problems(document, payload, missingHash)).anyMatch(p -> p.contains("hash"));
        assertThat(SchemaCheck.problems(document, payload, amountAsText)).anyMatch(p -> p.contains("amountPpb"));
        assertThat(SchemaCheck.problems(document, payload, badId)).anyMatch(p -> p.contains("companyId"));
        assertThat(SchemaCheck.problems(document, payload, otherType)).anyMatch(p -> p.contains("$.type"));
    }

    @Test
    void thePatternsSayWhatTheValueTypesAccept() {
        Pattern id = Pattern.compile(EventFormatDocument.ID_PATTERN);
        for (String candidate : List.of("global", "frontier-a", "a.b_c-9", "A", "x".repeat(64), "x".repeat(65), "",
                "-leading", ".dot", "with space", "ünïcode", "tab\t")) {
            assertThat(id.matcher(candidate).matches()).as(candidate).isEqualTo(accepts(() -> RegimeId.of(candidate)));
        }
        Pattern decimal = Pattern.compile(EventFormatDocument.DECIMAL_PATTERN);
        for (String candidate : List.of("0.03", "13", "1", "0", "12.340", "1e3", "-1", ".5", "5.", " 1",
                "1234567890123", "12345678901234", "0." + "1".repeat(18), "0." + "1".repeat(19))) {
            boolean parses = accepts(() -> LikelihoodRatio.of(candidate)) || candidate.equals("0");
            assertThat(decimal.matcher(candidate).matches()).as(candidate).isEqualTo(parses);
        }
        assertThat(decimal.matcher("0.0025").matches()).isEqualTo(accepts(() -> Probability.of("0.0025")));
    }

    private static List<JsonNode> typesMissingFromTheLogs() {
        RegimeId regime = RegimeId.of("format");
        Actor regulator = new Actor(Role.REGULATOR, "format-test", null);
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        String previous = EventChain.genesis(regime);
        List<LedgerEvent> events = List.of(
                EventChain.seal(new BudgetReclaimedEvent(regime, 4, at, regulator, CompanyId.of("a"), Ppb.of(10),
                        "unused", previous, null)),
                EventChain.seal(new SafetyCaseRejectedEvent(regime, 5, at, regulator, CaseId.of("c"),
                        CompanyId.of("a"), Ppb.of(10), "insufficient evidence", previous, null)),
                EventChain.seal(new SafetyCaseExpiredEvent(regime, 6, at, Actor.SYSTEM, CaseId.of("c"),
                        CompanyId.of("a"), previous, null)));
        return events.stream().<JsonNode>map(event -> LedgerJson.mapper().valueToTree(event)).toList();
    }

    private static JsonNode resolve(JsonNode reference) {
        return document.at("/components/schemas/" + reference.get("$ref").asString()
                .substring("#/components/schemas/".length()));
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = EventFormatDocumentTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toList();
        }
    }

    private static boolean accepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
