package org.riskbudget.projection.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.riskbudget.contracts.error.LedgerErrorCode;

/**
 * The refusals a read endpoint can answer with beyond those every endpoint can (input, authentication) and those
 * that come with {@code minSequence}; the API documentation lists them with their problem+json codes, so clients
 * know what to handle.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

    LedgerErrorCode[] value();
}
