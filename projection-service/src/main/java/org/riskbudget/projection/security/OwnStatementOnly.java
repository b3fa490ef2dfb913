package org.riskbudget.projection.security;

import java.util.function.Supplier;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A company statement is for the regulator, auditors, and the company itself: a COMPANY caller reads only the
 * statement of the company its token names. Decided in the security filter, so it answers 403 before any input
 * is looked at, in the documented order of checks.
 */
final class OwnStatementOnly implements AuthorizationManager<RequestAuthorizationContext> {

    static final String COMPANY_VARIABLE = "companyId";

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext request) {
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        Jwt jwt = token.getToken();
        // The token validator let through only tokens with exactly one known caller role.
        Role role = Role.valueOf(jwt.getClaimAsStringList(TokenClaims.ROLES).get(0));
        boolean allowed = switch (role) {
            case REGULATOR, AUDITOR -> true;
            case COMPANY -> request.getVariables().get(COMPANY_VARIABLE)
                    .equals(jwt.getClaimAsString(TokenClaims.COMPANY_ID));
            case VIEWER, SYSTEM -> false;
        };
        return new AuthorizationDecision(allowed);
    }
}
