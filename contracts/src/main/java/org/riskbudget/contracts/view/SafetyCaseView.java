package org.riskbudget.contracts.view;

import java.time.Instant;
import java.util.List;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.DeploymentWindow;

/** A safety case as it stands: current estimate {@code riskPpb}, what it has spent {@code chargedPpb}, its flags. */
public record SafetyCaseView(CaseId caseId, CompanyId companyId, AiSystem system, CapabilityTier capabilityTier,
        DeploymentWindow window, CaseStatus status, Ppb riskPpb, Ppb chargedPpb, List<CaseFlag> flags,
        List<CaseId> dependsOn, Instant submittedAt, Instant updatedAt) {}
