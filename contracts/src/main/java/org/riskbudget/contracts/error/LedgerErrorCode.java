package org.riskbudget.contracts.error;

/**
 * The stable codes of every refusal, with the HTTP status each answers with. Clients switch on the code, never
 * on the message. Grouped in the order the checks run (authentication, role and company, input, existence, state,
 * policy, budget): the first check that fails answers.
 */
public enum LedgerErrorCode {
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this role or company"),
    VALIDATION_FAILED(400, "The request is not valid"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_FOUND(404, "Not found"),
    COMPANY_PAUSED(409, "The company must pause: its available balance is negative"),
    INVALID_STATE(409, "Not possible in the current state"),
    DUPLICATE_ID(409, "The id is already taken"),
    IDEMPOTENCY_KEY_REUSED(409, "The idempotency key was used with another request"),
    CONCURRENCY_CONFLICT(409, "A concurrent change won; retry"),
    POLICY_VIOLATION(422, "The regime's policy forbids this"),
    INSUFFICIENT_BUDGET(409, "Not enough budget"),
    SEQUENCE_NOT_YET_APPLIED(503, "The projection has not yet applied the requested sequence"),
    UNAVAILABLE(503, "A dependency is unavailable; retry later"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    LedgerErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
