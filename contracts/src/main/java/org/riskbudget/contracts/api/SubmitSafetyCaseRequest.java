package org.riskbudget.contracts.api;

import java.util.List;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.SubmitSafetyCaseCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;

/** Body of {@code POST /regimes/{r}/safety-cases}. */
public record SubmitSafetyCaseRequest(CaseId caseId, CompanyId companyId, AiSystem system,
        CapabilityTier capabilityTier, DeploymentWindow window, Assessments assessments, List<CaseId> dependsOn) {

    public SubmitSafetyCaseCommand toCommand(RegimeId regimeId, Actor actor) {
        return new SubmitSafetyCaseCommand(regimeId, caseId, companyId, system, capabilityTier, window, assessments,
                dependsOn, actor);
    }
}
