package org.riskbudget.contracts.api;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.OpenRegimeCommand;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;

/** Body of {@code POST /regimes}. */
public record OpenRegimeRequest(RegimeId id, String name, Ppb capPpb, RegimePolicy policy) {

    /** The body names the regime {@code id}; a missing one is reported by that name, not the command's. */
    public OpenRegimeCommand toCommand(Actor actor) {
        Require.present("id", id);
        return new OpenRegimeCommand(id, name, capPpb, policy, actor);
    }
}
