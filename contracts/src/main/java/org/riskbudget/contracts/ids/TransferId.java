package org.riskbudget.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A transfer of budget between companies, its id chosen by the sender or generated. */
public record TransferId(@JsonValue String value) implements TypedId<TransferId> {

    public TransferId {
        Identifier.require("transferId", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TransferId of(String value) {
        return new TransferId(value);
    }
}
