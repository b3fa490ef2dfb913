package org.riskbudget.ledger.versioning;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.safetycase.Assessments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of {@code SafetyCaseSubmitted} had no risk breakdown; revision 2 records the risk per threat model.
 * Old events gain it when read, computed from their own assessments by the same arithmetic, so every reader sees
 * one shape and the balances are the same.
 */
@Component
@Order(1)
class SafetyCaseSubmittedRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(SafetyCaseSubmittedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(SafetyCaseSubmittedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return stored.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        return stored.upcastPayload(REVISION_2, JsonNode.class, event -> {
            ObjectNode upcast = ((ObjectNode) event).deepCopy();
            Assessments assessments = LedgerJson.mapper().treeToValue(event.get("assessments"), Assessments.class);
            upcast.set("riskBreakdown", LedgerJson.mapper().valueToTree(assessments.riskBreakdown()));
            return upcast;
        });
    }
}
