package org.riskbudget.contracts.topic;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Checks a JSON value against a schema of the events document, covering exactly the keywords the document uses
 * ({@code $ref} into its components, {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code propertyNames}, {@code items}, {@code enum}, {@code const}, {@code pattern},
 * {@code format: date-time}; not bounds such as {@code minimum}), so a test can show that real events fit their documented format. Answers what does not fit.
 */
final class SchemaCheck {

    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(JsonNode document) {
        this.document = document;
    }

    static List<String> problems(JsonNode document, JsonNode schema, JsonNode value) {
        SchemaCheck check = new SchemaCheck(document);
        check.check(schema, value, "$");
        return check.problems;
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        if (schema.has("$ref")) {
            String target = schema.get("$ref").asString();
            if (!target.startsWith(COMPONENT_SCHEMAS)) {
                problems.add(at + ": reference outside the components: " + target);
                return;
            }
            JsonNode resolved = document.at("/components/schemas/" + target.substring(COMPONENT_SCHEMAS.length()));
            if (resolved.isMissingNode()) {
                problems.add(at + ": reference to an undefined schema " + target);
                return;
            }
            check(resolved, value, at);
            return;
        }
        if (schema.has("type") && !hasType(value, schema.get("type"))) {
            problems.add(at + ": " + value.getNodeType() + " where the schema says " + schema.get("type"));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum") && !schema.get("enum").valueStream().toList().contains(value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString())
                .find()) {
            problems.add(at + ": " + value + " does not match " + schema.get("pattern"));
        }
        if ("date-time".equals(schema.path("format").asString(null))) {
            try {
                Instant.parse(value.asString());
            } catch (DateTimeParseException notAnInstant) {
                problems.add(at + ": " + value + " is not a date-time");
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at);
        }
        if (value.isArray() && schema.has("items")) {
            for (int index = 0; index < value.size(); index++) {
                check(schema.get("items"), value.get(index), at + "[" + index + "]");
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at) {
        JsonNode properties = schema.path("properties");
        Set<String> present = new HashSet<>(value.propertyNames());
        for (JsonNode required : schema.path("required")) {
            if (!present.contains(required.asString())) {
                problems.add(at + ": required member " + required.asString() + " is missing");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (String name : present) {
            if (schema.has("propertyNames")) {
                check(schema.get("propertyNames"), StringNode.valueOf(name), at + " member name " + name);
            }
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), at + "." + name);
            } else if (additional != null && additional.isObject()) {
                check(additional, value.get(name), at + "." + name);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": member " + name + " is not in the schema");
            }
        }
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            return type.valueStream().anyMatch(one -> hasType(value, one));
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
