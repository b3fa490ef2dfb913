package org.riskbudget.ledger.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.platform.web.ProblemDocumentation;
import org.riskbudget.platform.web.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of the command API: bearer tokens, every refusal an operation can give with its problem+json
 * {@code code}, the {@code Idempotency-Key} header, and request examples taken from the worked scenarios.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String BEARER = "bearer";
    private static final Set<LedgerErrorCode> EVERY_OPERATION = EnumSet.of(LedgerErrorCode.VALIDATION_FAILED,
            LedgerErrorCode.UNAUTHENTICATED, LedgerErrorCode.FORBIDDEN);
    private static final Set<LedgerErrorCode> EVERY_COMMAND = EnumSet.of(
            LedgerErrorCode.UNSUPPORTED_MEDIA_TYPE, LedgerErrorCode.IDEMPOTENCY_KEY_REUSED,
            LedgerErrorCode.CONCURRENCY_CONFLICT);

    static {
        // The command context is resolved from the token and headers, not from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
    }

    @Bean
    OpenApiCustomizer ledgerApi(ScenarioExamples examples) {
        return api -> {
            api.info(new Info().title("Risk Budget Ledger — command API").version("v1")
                    .description("Commands on a regime's ledger. Amounts are integers in ppb; probabilities and "
                            + "likelihood ratios are decimal strings. Every refusal is application/problem+json with a "
                            + "stable code. Checks run in this order: authentication, role and company, input, "
                            + "existence, state, policy, budget."));
            api.components(components(api.getComponents()));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
            examples.addTo(api);
        };
    }

    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            boolean command = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandContext.class);
            Set<LedgerErrorCode> codes = EnumSet.copyOf(EVERY_OPERATION);
            if (command) {
                codes.addAll(EVERY_COMMAND);
                operation.addParametersItem(new HeaderParameter().name(CommandContext.IDEMPOTENCY_KEY_HEADER)
                        .required(false).schema(new StringSchema().maxLength(200))
                        .description("A retry with the same key and body returns the first answer and changes "
                                + "nothing; the same key with another body is refused with IDEMPOTENCY_KEY_REUSED."));
            }
            codes.addAll(declaredRefusals(handler));
            ProblemDocumentation.document(operation, codes);
            if (command) {
                operation.getResponses().addApiResponse(String.valueOf(Problems.PAYLOAD_TOO_LARGE),
                        ProblemDocumentation.response("Refused: VALIDATION_FAILED, the body is over the size limit"));
            }
            return operation;
        };
    }

    private static Set<LedgerErrorCode> declaredRefusals(HandlerMethod handler) {
        Refuses refuses = handler.getMethodAnnotation(Refuses.class);
        return refuses == null ? Set.of() : EnumSet.copyOf(Arrays.asList(refuses.value()));
    }

    private static Components components(Components existing) {
        Components components = existing == null ? new Components() : existing;
        return components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("roles claim: REGULATOR, AUDITOR, COMPANY (with company_id) "
                                + "or VIEWER"))
                .addSchemas(ProblemDocumentation.PROBLEM, ProblemDocumentation.problemSchema()
                        .addProperty("rule", new StringSchema().description("The broken policy rule, for POLICY_VIOLATION")));
    }
}
