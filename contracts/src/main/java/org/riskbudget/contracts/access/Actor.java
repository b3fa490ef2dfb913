package org.riskbudget.contracts.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.ids.CompanyId;

/**
 * The principal behind a command, recorded on every event: its role, its subject as the token names it, and the
 * company it acts for (required for COMPANY, optional for others, such as a reviewer employed by a company).
 */
public record Actor(Role role, String subject, @JsonInclude(JsonInclude.Include.NON_NULL) CompanyId companyId) {

    public static final Actor SYSTEM = new Actor(Role.SYSTEM, "risk-budget-ledger", null);

    public Actor {
        Require.present("actor.role", role);
        Require.text("actor.subject", subject, 200);
        if (role == Role.COMPANY && companyId == null) {
            throw new IllegalArgumentException("a COMPANY actor must name its company");
        }
    }

    public boolean actsFor(CompanyId company) {
        return company.equals(companyId);
    }
}
