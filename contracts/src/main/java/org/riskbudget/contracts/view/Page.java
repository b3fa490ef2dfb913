package org.riskbudget.contracts.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A bounded list in a stable order; {@code next} is the cursor for the following page, null on the last (written as
 * {@code "next": null}, unlike other absent values, so a client always finds the member).
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
