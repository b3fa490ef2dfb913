package org.riskbudget.platform.web;

import java.net.URI;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.policy.PolicyRule;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the ledger's stable {@code code} and, for policy refusals, the broken {@code rule}. */
public final class Problems {

    public static final String CODE = "code";
    public static final String RULE = "rule";
    public static final int PAYLOAD_TOO_LARGE = 413;

    private Problems() {}

    public static ProblemDetail of(LedgerErrorCode code, String detail) {
        return of(code, detail, null);
    }

    public static ProblemDetail of(LedgerErrorCode code, String detail, PolicyRule rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        problem.setType(type(code));
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.name());
        if (rule != null) {
            problem.setProperty(RULE, rule.field());
        }
        return problem;
    }

    /** An oversized body: status 413, with the code every other invalid input has. */
    public static ProblemDetail bodyTooLarge(long maxBytes) {
        return forStatus(PAYLOAD_TOO_LARGE, bodyTooLargeDetail(maxBytes));
    }

    public static String bodyTooLargeDetail(long maxBytes) {
        return "body: the request body may be at most " + maxBytes + " bytes";
    }

    /** An error raised outside the ledger's own refusals (by Spring MVC, the firewall, Tomcat), with its status. */
    public static ProblemDetail forStatus(int status, String detail) {
        ProblemDetail problem = of(codeFor(status), detail);
        problem.setStatus(status);
        return problem;
    }

    /** The code of an error the ledger did not raise itself, from its status. */
    public static LedgerErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> LedgerErrorCode.NOT_FOUND;
            case 405 -> LedgerErrorCode.METHOD_NOT_ALLOWED;
            case 415 -> LedgerErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> LedgerErrorCode.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? LedgerErrorCode.VALIDATION_FAILED
                    : LedgerErrorCode.INTERNAL_ERROR;
        };
    }

    /**
     * The problem as problem+json text, for answers written outside Spring MVC's message converters (servlet
     * filters, Tomcat's error report): type, title, status, detail and code.
     */
    public static String json(ProblemDetail problem) {
        return LedgerJson.mapper().createObjectNode().put("type", problem.getType().toString())
                .put("title", problem.getTitle()).put("status", problem.getStatus())
                .put("detail", problem.getDetail())
                .put(CODE, String.valueOf(problem.getProperties().get(CODE))).toString();
    }

    /** A stable URN per code, such as {@code urn:risk-budget-ledger:problem:insufficient-budget}. */
    public static URI type(LedgerErrorCode code) {
        return URI.create("urn:risk-budget-ledger:problem:" + code.name().toLowerCase().replace('_', '-'));
    }
}
