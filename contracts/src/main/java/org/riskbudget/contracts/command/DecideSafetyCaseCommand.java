package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;

/** A decision on a case: acceptance, rejection, withdrawal or revocation, with the reasons. */
public record DecideSafetyCaseCommand(RegimeId regimeId, CaseId caseId, CaseDecision decision, String reasons, Actor actor) implements LedgerCommand {

    public DecideSafetyCaseCommand {
        Require.present("regimeId", regimeId);
        Require.present("caseId", caseId);
        Require.present("decision", decision);
        Require.text("reasons", reasons, 2000);
        Require.present("actor", actor);
    }
}
