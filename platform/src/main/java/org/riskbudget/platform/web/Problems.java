package org.riskbudget.platform.web;

import java.net.URI;
import org.riskbudget.contracts.error.LedgerErrorCode;
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
        ProblemDetail problem = of(LedgerErrorCode.VALIDATION_FAILED, bodyTooLargeDetail(maxBytes));
        problem.setStatus(PAYLOAD_TOO_LARGE);
        return problem;
    }

    public static String bodyTooLargeDetail(long maxBytes) {
        return "body: the request body may be at most " + maxBytes + " bytes";
    }

    /** A stable URN per code, such as {@code urn:risk-budget-ledger:problem:insufficient-budget}. */
    public static URI type(LedgerErrorCode code) {
        return URI.create("urn:risk-budget-ledger:problem:" + code.name().toLowerCase().replace('_', '-'));
    }
}
