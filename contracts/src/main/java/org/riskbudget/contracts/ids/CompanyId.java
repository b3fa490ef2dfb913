package org.riskbudget.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A company holding a share of a regime's budget. */
public record CompanyId(@JsonValue String value) implements TypedId<CompanyId> {

    public CompanyId {
        Identifier.require("companyId", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CompanyId of(String value) {
        return new CompanyId(value);
    }
}
