package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;

/** Marks an accepted case expired once its deployment window has ended; no balance moves. */
public record ExpireSafetyCaseCommand(RegimeId regimeId, CaseId caseId, Actor actor) implements LedgerCommand {

    public ExpireSafetyCaseCommand {
        Require.present("regimeId", regimeId);
        Require.present("caseId", caseId);
        Require.present("actor", actor);
    }
}
