package org.riskbudget.projection.http;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.view.LedgerChange;
import org.riskbudget.contracts.view.Page;
import org.riskbudget.platform.web.ProblemDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The OpenAPI document of the read API: bearer tokens, every refusal an operation can give with its problem+json
 * {@code code}, and what each query parameter means. The controllers take their parameters as text (so a bad one
 * is refused with the ledger's own code), so their types, bounds and meaning are described here, in one place.
 */
@Configuration(proxyBeanMethods = false)
class ReadApiDocumentation {

    private static final String BEARER = "bearer";
    /** The shape of every identifier in the public language (the contracts' {@code Identifier} rule). */
    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    private static final Set<LedgerErrorCode> EVERY_OPERATION = EnumSet.of(LedgerErrorCode.VALIDATION_FAILED,
            LedgerErrorCode.UNAUTHENTICATED);
    /** A read that waits for a sequence can time out, or find too many reads waiting already. */
    private static final Set<LedgerErrorCode> WAITING_FOR_A_SEQUENCE = EnumSet.of(
            LedgerErrorCode.SEQUENCE_NOT_YET_APPLIED, LedgerErrorCode.UNAVAILABLE);

    static {
        // Value types are written as their single value, not as objects.
        SpringDocUtils.getConfig()
                .replaceWithSchema(Ppb.class, new IntegerSchema().format("int64")
                        .description("An amount of risk in parts per billion: 2500000 is 0.25 %"))
                .replaceWithSchema(RegimeId.class, identifier())
                .replaceWithSchema(CompanyId.class, identifier())
                .replaceWithSchema(CaseId.class, identifier())
                .replaceWithSchema(TransferId.class, identifier());
    }

    @Bean
    OpenApiCustomizer readApi() {
        return api -> {
            api.info(new Info().title("Risk Budget Ledger — read API").version("v1")
                    .description("Budgets, company accounts, safety cases, history and a live stream, projected from "
                            + "the ledger's events. Amounts are integers in ppb (2500000 ppb = 0.25 %). Every refusal "
                            + "is application/problem+json with a stable code. A read with minSequence waits until the "
                            + "projection has applied that sequence of the regime, so a client reads its own writes. "
                            + "The live dashboard is at /."));
            api.components(components(api.getComponents()));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

    @Bean
    OperationCustomizer readRefusals() {
        return (operation, handler) -> {
            Set<LedgerErrorCode> codes = EnumSet.copyOf(EVERY_OPERATION);
            if (takes(handler, QueryParameters.MIN_SEQUENCE)) {
                codes.addAll(WAITING_FOR_A_SEQUENCE);
            }
            Refuses refuses = handler.getMethodAnnotation(Refuses.class);
            if (refuses != null) {
                codes.addAll(Arrays.asList(refuses.value()));
            }
            describeParameters(operation);
            if (handler.getMethod().getReturnType() == SseEmitter.class) {
                describeStream(operation);
            }
            ProblemDocumentation.document(operation, codes);
            return operation;
        };
    }

    private static boolean takes(HandlerMethod handler, String parameter) {
        return Arrays.stream(handler.getMethodParameters())
                .map(method -> method.getParameterAnnotation(RequestParam.class))
                .anyMatch(annotation -> annotation != null && annotation.name().equals(parameter));
    }

    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            switch (parameter.getName()) {
                case "regimeId", "companyId", "caseId" -> parameter.schema(identifier());
                case QueryParameters.LIMIT -> parameter.description("Items per page").schema(pageSize());
                case QueryParameters.AFTER -> parameter.description("The next cursor of the previous page")
                        .schema(new StringSchema());
                case QueryParameters.AS_OF -> parameter.description("Answer as of this instant (ISO-8601, such as "
                        + "2027-01-01T00:00:00Z): the state after the regime's last event at or before it")
                        .schema(new StringSchema().format("date-time"));
                case QueryParameters.MIN_SEQUENCE -> parameter.description("Wait, a few seconds at most, until the "
                        + "projection has applied this sequence of the regime (the sequence a command answered "
                        + "with), so the answer includes the caller's own writes; 503 SEQUENCE_NOT_YET_APPLIED when "
                        + "it has not in time. 0 or absent: answer at once")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                case QueryParameters.STATUS -> parameter.description("Only cases of this status")
                        .schema(enumeration(CaseStatus.values()));
                case "lastEventId" -> parameter.description("Replay the changes after this sequence first, like "
                        + "the Last-Event-ID header (which wins when both are given); for a first connection from a "
                        + "browser, which cannot set that header")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                case "access_token" -> parameter.description("A bearer token, accepted on this endpoint only, for "
                        + "browsers' EventSource, which cannot send an Authorization header. Prefer the header "
                        + "wherever it can be sent").schema(new StringSchema());
                case "Last-Event-ID" -> parameter.description("The id (sequence) of the last change the client "
                        + "received; the changes after it are replayed first, at most a bounded number")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                default -> {
                    // documented by springdoc as declared
                }
            }
        }
    }

    /** The stream answers text/event-stream: each event's data is a LedgerChange, named by the event's type. */
    private static void describeStream(Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null) {
            ok.description("Server-sent events, one per applied change: id = the regime sequence, event = the event "
                    + "type, data = a LedgerChange with the regime's budget right after the change. Comments "
                    + "(':heartbeat') keep an idle stream open.")
                    .content(new Content().addMediaType("text/event-stream", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + LedgerChange.class.getSimpleName()))));
        }
    }

    private static Components components(Components existing) {
        Components components = existing == null ? new Components() : existing;
        ResolvedSchema change = ModelConverters.getInstance().resolveAsResolvedSchema(
                new io.swagger.v3.core.converter.AnnotatedType(LedgerChange.class).resolveAsRef(false));
        components.addSchemas(LedgerChange.class.getSimpleName(), change.schema);
        change.referencedSchemas.forEach(components::addSchemas);
        return components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("roles claim: VIEWER, REGULATOR, AUDITOR or COMPANY (with "
                                + "company_id). Statements: the regulator, auditors and the company itself; rebuild: "
                                + "the regulator. In standalone mode a caller without a token reads as a VIEWER."))
                .addSchemas(ProblemDocumentation.PROBLEM, ProblemDocumentation.problemSchema());
    }

    private static IntegerSchema pageSize() {
        IntegerSchema limit = new IntegerSchema();
        limit.setMinimum(BigDecimal.ONE);
        limit.setMaximum(BigDecimal.valueOf(Page.MAX_LIMIT));
        limit.setDefault(Page.DEFAULT_LIMIT);
        return limit;
    }

    private static StringSchema identifier() {
        StringSchema id = new StringSchema();
        id.pattern(ID_PATTERN);
        return id;
    }

    private static StringSchema enumeration(Enum<?>[] values) {
        StringSchema schema = new StringSchema();
        Arrays.stream(values).forEach(value -> schema.addEnumItem(value.name()));
        return schema;
    }
}
