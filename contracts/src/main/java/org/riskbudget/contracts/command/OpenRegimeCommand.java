package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;

/** Opens a regime: its whole cap starts in the pool. */
public record OpenRegimeCommand(RegimeId regimeId, String name, Ppb capPpb, RegimePolicy policy, Actor actor) implements LedgerCommand {

    public OpenRegimeCommand {
        Require.present("regimeId", regimeId);
        Require.text("name", name, 200);
        Ppb.requireAmount("capPpb", capPpb);
        policy = policy == null ? RegimePolicy.defaults() : policy;
        Require.present("actor", actor);
    }
}
