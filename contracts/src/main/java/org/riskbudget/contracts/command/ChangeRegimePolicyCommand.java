package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;

/** Replaces a regime's policy; it applies to later submissions and acceptances. */
public record ChangeRegimePolicyCommand(RegimeId regimeId, RegimePolicy policy, Actor actor) implements LedgerCommand {

    public ChangeRegimePolicyCommand {
        Require.present("regimeId", regimeId);
        Require.present("policy", policy);
        Require.present("actor", actor);
    }
}
