package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;

/** The regulator refuses a pending transfer; the sender gets its reserved budget back. */
public record RejectTransferCommand(RegimeId regimeId, TransferId transferId, String reasons, Actor actor) implements LedgerCommand {

    public RejectTransferCommand {
        Require.present("regimeId", regimeId);
        Require.present("transferId", transferId);
        Require.text("reasons", reasons, 2000);
        Require.present("actor", actor);
    }
}
