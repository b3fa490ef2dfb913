package org.riskbudget.ledger.http;

import java.net.URI;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.policy.PolicyRule;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with the ledger's stable {@code code} and, for policy refusals, the broken {@code rule}.
 */
final class Problems {

    static final String CODE = "code";
    static final String RULE = "rule";

    private Problems() {}

    static ProblemDetail of(LedgerErrorCode code, String detail) {
        return of(code, detail, null);
    }

    static ProblemDetail of(LedgerErrorCode code, String detail, PolicyRule rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        problem.setType(URI.create("urn:risk-budget-ledger:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.name());
        if (rule != null) {
            problem.setProperty(RULE, rule.field());
        }
        return problem;
    }
}
