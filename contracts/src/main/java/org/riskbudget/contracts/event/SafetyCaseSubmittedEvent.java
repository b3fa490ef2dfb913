package org.riskbudget.contracts.event;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.RiskBreakdown;

/**
 * A case was submitted: its risk moves from the company's available to its reserved account.
 * <p>
 * Revision 2 added {@code riskBreakdown}, the risk per threat model; revision 1 events gain it when read, computed
 * from their assessments. Their chain hash stays the hash of what was written, which is what the audit log exports.
 */
@Revision("2")
public record SafetyCaseSubmittedEvent(RegimeId regimeId, long sequence, Instant occurredAt, Actor actor,
        CaseId caseId, CompanyId companyId, AiSystem system, CapabilityTier capabilityTier,
        DeploymentWindow window, Assessments assessments, List<CaseId> dependsOn, Ppb riskPpb, RiskBreakdown riskBreakdown,
        String previousHash, String hash) implements LedgerEvent {

    @Override
    public void accept(LedgerEvent.Visitor visitor) {
        visitor.on(this);
    }
}
