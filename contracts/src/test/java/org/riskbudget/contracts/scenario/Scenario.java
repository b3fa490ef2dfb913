package org.riskbudget.contracts.scenario;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A worked scenario: steps run in order, each a request made as some caller and the answer it must get. The format
 * is described in {@code scenarios/README.md} next to the scenario files.
 */
public record Scenario(String name, String about, List<Step> steps) {

    public record Step(Caller as, Request request, Expectation expect) {}

    /** The caller; null sends no token. */
    public record Caller(String role, String companyId) {}

    /** {@code raw}, when present, is sent byte for byte instead of {@code body}. */
    public record Request(String method, String path, JsonNode body, String raw, String idempotencyKey) {}

    /** {@code status} is an exact code or a class such as {@code "2xx"}; {@code json} maps dotted paths to values. */
    public record Expectation(JsonNode status, String code, JsonNode json) {}
}
