package org.riskbudget.contracts.command;

import java.util.List;
import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;

/** Submits a safety case; its computed risk is reserved from the company's available budget. */
public record SubmitSafetyCaseCommand(RegimeId regimeId, CaseId caseId, CompanyId companyId, AiSystem system, CapabilityTier capabilityTier,
        DeploymentWindow window, Assessments assessments, List<CaseId> dependsOn, Actor actor) implements LedgerCommand {

    public static final int MAX_DEPENDENCIES = 100;

    public SubmitSafetyCaseCommand {
        Require.present("regimeId", regimeId);
        Require.present("caseId", caseId);
        Require.present("companyId", companyId);
        Require.present("system", system);
        Require.present("capabilityTier", capabilityTier);
        Require.present("window", window);
        Require.present("assessments", assessments);
        if (assessments.isEmpty()) {
            throw new IllegalArgumentException("assessments must assess at least one threat model");
        }
        dependsOn = List.copyOf(Require.size("dependsOn", dependsOn == null ? List.of() : dependsOn, MAX_DEPENDENCIES));
        if (dependsOn.contains(caseId)) {
            throw new IllegalArgumentException("dependsOn must not contain the case itself");
        }
        if (dependsOn.stream().distinct().count() != dependsOn.size()) {
            throw new IllegalArgumentException("dependsOn must not repeat a case");
        }
        Require.present("actor", actor);
    }
}
