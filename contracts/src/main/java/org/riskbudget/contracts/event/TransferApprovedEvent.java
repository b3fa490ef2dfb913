package org.riskbudget.contracts.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** A pending trade completed: sender reserved → receiver available. */
@Revision("1")
public record TransferApprovedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb, String reasons,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
