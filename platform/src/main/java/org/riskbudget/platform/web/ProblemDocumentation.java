package org.riskbudget.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.riskbudget.contracts.error.LedgerErrorCode;

/** How both services' OpenAPI documents describe refusals: one Problem schema, one response per status with its codes. */
public final class ProblemDocumentation {

    public static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemDocumentation() {}

    /** RFC 9457 problem details with the stable {@code code}; {@code rule} only where policy refusals can happen. */
    public static ObjectSchema problemSchema() {
        StringSchema code = new StringSchema();
        for (LedgerErrorCode value : LedgerErrorCode.values()) {
            code.addEnumItem(value.name());
        }
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", code.description("Stable refusal code; switch on this, not on the text"));
        return problem;
    }

    /** A problem+json response described by {@code description}, without examples. */
    public static ApiResponse response(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(reference())));
    }

    /** One response per HTTP status among {@code codes}, each with an example per code. */
    public static void document(Operation operation, Set<LedgerErrorCode> codes) {
        Map<Integer, MediaType> byStatus = new LinkedHashMap<>();
        for (LedgerErrorCode code : codes) {
            MediaType problem = byStatus.computeIfAbsent(code.httpStatus(),
                    status -> new MediaType().schema(reference()));
            problem.addExamples(code.name(), new Example().summary(code.title()).value(Map.of(
                    "type", Problems.type(code).toString(), "title", code.title(), "status", code.httpStatus(),
                    "detail", "…", "code", code.name())));
        }
        byStatus.forEach((status, problem) -> operation.getResponses().addApiResponse(String.valueOf(status),
                new ApiResponse().description(describe(codes, status))
                        .content(new Content().addMediaType(PROBLEM_JSON, problem))));
    }

    private static String describe(Set<LedgerErrorCode> codes, int status) {
        return "Refused: " + String.join(", ", codes.stream().filter(code -> code.httpStatus() == status)
                .map(LedgerErrorCode::name).toList());
    }

    private static Schema<?> reference() {
        return new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    }
}
