package org.riskbudget.platform.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What both services' exception handling shares: every refusal answers problem+json with its stable {@code code};
 * Spring MVC's own errors (404, 405, 415, …) keep their status and gain a code; anything unexpected is logged and
 * answers 500 without internals. A service extends it with its own refusals and annotates it as its advice.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> refused(LedgerException refusal) {
        log.info("Refused with {}: {}", refusal.code(), refusal.getMessage());
        return answer(Problems.of(refusal.code(), refusal.getMessage(), refusal.rule()));
    }

    /**
     * Tomcat decodes the query string only when a parameter is first read, so a malformed percent-escape or bytes
     * that are not UTF-8 surface here, inside the controller: the client's error, not ours.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableQuery(InvalidParameterException undecodable) {
        log.info("Refused an undecodable query string: {}", undecodable.getMessage());
        return answer(Problems.of(LedgerErrorCode.VALIDATION_FAILED,
                "the query string is not correctly percent-encoded UTF-8"));
    }

    /**
     * The security firewall checks a header's value when it is first read, which for headers such as
     * Idempotency-Key is inside the controller: a value with control characters is the client's error.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedHeader(RequestRejectedException rejected) {
        log.info("Refused a request the firewall rejects: {}", rejected.getMessage());
        return answer(Problems.of(LedgerErrorCode.VALIDATION_FAILED,
                "a header value holds characters that HTTP headers may not carry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure", failure);
        return answer(Problems.of(LedgerErrorCode.INTERNAL_ERROR, "the service could not complete the request"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(Problems.CODE, Problems.codeFor(status.value()).name());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    protected static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
