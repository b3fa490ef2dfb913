package org.riskbudget.contracts.api;

import java.util.List;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.ReviseSafetyCaseCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.EvidenceItem;

/**
 * Body of {@code POST /regimes/{r}/safety-cases/{c}/revisions}: evidence appended to the misalignment assessment
 * and, optionally, components that replace the old ones.
 */
public record RevisionRequest(String reason, List<EvidenceItem> evidence, Assessments assessments) {

    public ReviseSafetyCaseCommand toCommand(RegimeId regimeId, CaseId caseId, Actor actor) {
        return new ReviseSafetyCaseCommand(regimeId, caseId, reason, evidence, assessments, actor);
    }
}
