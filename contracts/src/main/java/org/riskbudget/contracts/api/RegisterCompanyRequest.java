package org.riskbudget.contracts.api;

import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.RegisterCompanyCommand;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;

/** Body of {@code POST /regimes/{r}/companies}. */
public record RegisterCompanyRequest(CompanyId companyId, String name) {

    public RegisterCompanyCommand toCommand(RegimeId regimeId, Actor actor) {
        return new RegisterCompanyCommand(regimeId, companyId, name, actor);
    }
}
