package org.riskbudget.projection.http;

import java.net.URI;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the ledger's stable {@code code}, the same shape as the command side's. */
final class Problems {

    static final String CODE = "code";

    private Problems() {}

    static ProblemDetail of(LedgerErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        problem.setType(URI.create("urn:risk-budget-ledger:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.name());
        return problem;
    }
}
