package org.riskbudget.contracts.api;

import java.util.List;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;

/**
 * The answer to a safety-case command: the case as it now stands. {@code riskPpb} is the current estimate,
 * {@code chargedPpb} what the case has spent so far, which never decreases.
 */
public record SafetyCaseOutcome(CaseId caseId, CaseStatus status, Ppb riskPpb, Ppb chargedPpb, List<CaseFlag> flags,
        long sequence) implements CommandResult {}
