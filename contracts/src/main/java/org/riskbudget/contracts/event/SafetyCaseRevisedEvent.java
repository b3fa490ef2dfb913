package org.riskbudget.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.EvidenceItem;

/** New evidence changed a deployed case's estimate. An increase over what it has charged is spent at once, even into a negative balance; a decrease refunds nothing. */
@Revision("1")
public record SafetyCaseRevisedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CaseId caseId, CompanyId companyId, String reason, List<EvidenceItem> evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Assessments replacedAssessments,
        Ppb previousRiskPpb, Ppb riskPpb, Ppb additionalChargePpb,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
