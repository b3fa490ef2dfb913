package org.riskbudget.ledger.security;

import java.util.List;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.ids.CompanyId;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified token into the actor recorded on commands and events. */
public final class Callers {

    private Callers() {}

    /**
     * The actor a token stands for. The security filter already refused tokens without exactly one caller role,
     * and COMPANY tokens without a well-formed company.
     */
    public static Actor actor(Jwt jwt) {
        String companyId = jwt.getClaimAsString(TokenClaims.COMPANY_ID);
        return new Actor(role(jwt), jwt.getSubject(), companyId == null ? null : CompanyId.of(companyId));
    }

    static Role role(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || roles.size() != 1) {
            throw new IllegalArgumentException("a token must carry exactly one role");
        }
        Role role = Role.valueOf(roles.get(0));
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("SYSTEM is not a caller role");
        }
        return role;
    }
}
