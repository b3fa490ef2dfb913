package org.riskbudget.contracts.view;

import java.util.List;

/** A bounded list in a stable order; {@code next} is the cursor for the following page, null on the last. */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
