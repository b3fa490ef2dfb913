package org.riskbudget.contracts.command;

import java.util.List;
import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;

/** Records new evidence against a deployed case: appended evidence and, optionally, replaced components. */
public record ReviseSafetyCaseCommand(RegimeId regimeId, CaseId caseId, String reason, List<EvidenceItem> evidence, Assessments assessments, Actor actor) implements LedgerCommand {

    public ReviseSafetyCaseCommand {
        Require.present("regimeId", regimeId);
        Require.present("caseId", caseId);
        Require.text("reason", reason, 2000);
        evidence = List.copyOf(Require.size("evidence", evidence == null ? List.of() : evidence,
                MisalignmentAssessment.MAX_EVIDENCE_ITEMS));
        if (evidence.isEmpty() && (assessments == null || assessments.isEmpty())) {
            throw new IllegalArgumentException("a revision must bring evidence or replaced assessments");
        }
        Require.present("actor", actor);
    }
}
