package org.riskbudget.projection.http;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every refusal to problem+json with its stable {@code code}. Spring MVC's own errors (404, 405, …) keep their
 * status and gain a code; anything unexpected is logged and answers 500 without internals.
 */
@RestControllerAdvice
class ProjectionProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProblemHandler.class);

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> refused(LedgerException refusal) {
        log.debug("Refused with {}: {}", refusal.code(), refusal.getMessage());
        return answer(Problems.of(refusal.code(), refusal.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure", failure);
        return answer(Problems.of(LedgerErrorCode.INTERNAL_ERROR, "the projection could not answer the request"));
    }

    /** Spring MVC's own errors keep their status and detail and gain the code clients switch on. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(Problems.CODE, codeFor(status).name());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static LedgerErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> LedgerErrorCode.NOT_FOUND;
            case 405 -> LedgerErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> LedgerErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> LedgerErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> LedgerErrorCode.UNAVAILABLE;
            default -> status.is4xxClientError() ? LedgerErrorCode.VALIDATION_FAILED : LedgerErrorCode.INTERNAL_ERROR;
        };
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
