package org.riskbudget.ledger.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.ids.TypedId;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.platform.web.ProblemAdvice;
import org.riskbudget.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The command side's refusals beyond the platform's: a regime that does not exist or already exists, a concurrent
 * change that won, and unreadable bodies, which answer 400 naming the field at fault (413 when too large).
 */
@RestControllerAdvice
class LedgerProblemHandler extends ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(LedgerProblemHandler.class);

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> regimeNotFound(AggregateNotFoundException missing) {
        return answer(Problems.of(LedgerErrorCode.NOT_FOUND, "regime " + missing.getAggregateIdentifier()
                + " does not exist"));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> regimeExists(AggregateStreamCreationException duplicate) {
        return answer(Problems.of(LedgerErrorCode.DUPLICATE_ID, "the regime already exists"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict) {
        log.warn("Concurrent change not resolved by retries: {}", conflict.getMessage());
        return answer(Problems.of(LedgerErrorCode.CONCURRENCY_CONFLICT, "a concurrent change to the regime won; retry"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return new ResponseEntity<>(Problems.bodyTooLarge(tooLarge.maxBytes()),
                        HttpStatusCode.valueOf(Problems.PAYLOAD_TOO_LARGE));
            }
        }
        return new ResponseEntity<>(Problems.of(LedgerErrorCode.VALIDATION_FAILED, describe(unreadable)),
                HttpStatusCode.valueOf(400));
    }

    /** A sentence naming the field at fault, without echoing the input or the ledger's class names. */
    static String describe(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return "the request body is missing or is not JSON";
        }
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (jackson instanceof UnrecognizedPropertyException) {
            return "unknown field " + field;
        }
        String at = field.isEmpty() ? "the body" : field;
        if (jackson instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return at + ": " + invalid.getCause().getMessage();
        }
        if (jackson instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return at + " must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (jackson instanceof MismatchedInputException mismatched) {
            return at + " must be " + expected(mismatched.getTargetType());
        }
        if (jackson instanceof StreamReadException malformed) {
            return "malformed JSON: " + malformed.getOriginalMessage().lines().findFirst().orElse("");
        }
        return at + " is not valid";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Ppb.class || type == long.class || type == Long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Probability.class || type == LikelihoodRatio.class) {
            return "a decimal string such as \"0.03\"";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as \"2027-01-01T00:00:00Z\"";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class || TypedId.class.isAssignableFrom(type)) {
            return "a string";
        }
        return "an object";
    }
}
