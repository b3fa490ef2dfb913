package org.riskbudget.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A safety case, its id chosen by the submitting company. */
public record CaseId(@JsonValue String value) implements TypedId<CaseId> {

    public CaseId {
        Identifier.require("caseId", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CaseId of(String value) {
        return new CaseId(value);
    }
}
