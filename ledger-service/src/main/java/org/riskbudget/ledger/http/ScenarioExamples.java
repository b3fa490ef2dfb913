package org.riskbudget.ledger.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Request examples for the API documentation, taken from the worked scenarios that ship with the public language
 * and that the tests run: an example cannot drift from a request the ledger really accepts.
 */
@Component
class ScenarioExamples {

    private static final int MAX_EXAMPLES_PER_OPERATION = 3;

    private final List<Step> steps = new ArrayList<>();

    /** A successful step of a scenario with a body: its method, path, body and where it comes from. */
    record Step(String method, String path, JsonNode body, String source) {}

    ScenarioExamples() throws IOException {
        for (Resource scenario : new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.json")) {
            try (InputStream in = scenario.getInputStream()) {
                JsonNode root = LedgerJson.mapper().readTree(in);
                JsonNode all = root.get("steps");
                for (int index = 0; index < all.size(); index++) {
                    JsonNode step = all.get(index);
                    JsonNode request = step.get("request");
                    if (request.has("body") && step.at("/expect/status").asString("").equals("2xx")) {
                        steps.add(new Step(request.get("method").asString(), request.get("path").asString(),
                                request.get("body"), root.get("name").asString() + ", step " + (index + 1)));
                    }
                }
            }
        }
    }

    void addTo(OpenAPI api) {
        api.getPaths().forEach((template, path) -> path.readOperationsMap().forEach((method, operation) ->
                addTo(operation, method, template)));
    }

    private void addTo(Operation operation, PathItem.HttpMethod method, String template) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Pattern path = Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"));
        List<Step> matching = steps.stream()
                .filter(step -> step.method().equals(method.name()) && path.matcher(step.path()).matches())
                .limit(MAX_EXAMPLES_PER_OPERATION).toList();
        for (MediaType media : operation.getRequestBody().getContent().values()) {
            for (Step step : matching) {
                media.addExamples(step.source(), new Example().summary(step.method() + " " + step.path())
                        .value(LedgerJson.mapper().convertValue(step.body(), Map.class)));
            }
        }
    }
}
