package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/** The company withdrew its case: the reserved risk returns to its available account. */
@Revision("1")
public record SafetyCaseWithdrawnEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CaseId caseId, CompanyId companyId, Ppb amountPpb, String reasons,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
