package org.riskbudget.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A budget regime: one cap, one ledger, one ordered event stream. */
public record RegimeId(@JsonValue String value) implements TypedId<RegimeId> {

    public RegimeId {
        Identifier.require("regimeId", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegimeId of(String value) {
        return new RegimeId(value);
    }
}
