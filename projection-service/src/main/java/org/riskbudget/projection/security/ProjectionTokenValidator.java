package org.riskbudget.projection.security;

import java.util.List;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.ids.CompanyId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, as unauthenticated, tokens that do not stand for exactly one caller: no role or several, an unknown
 * role or SYSTEM, a COMPANY token without a well-formed company, no subject, or (when configured) another issuer.
 * The same rules as the command side's, so a token means the same on both.
 */
final class ProjectionTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final String issuer;

    ProjectionTokenValidator(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (issuer != null && !issuer.equals(jwt.getClaimAsString("iss"))) {
            return failure("the token is not from the trusted issuer");
        }
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || roles.size() != 1) {
            return failure("a token must carry exactly one role");
        }
        Role role;
        try {
            role = Role.valueOf(roles.get(0));
        } catch (IllegalArgumentException unknown) {
            return failure("unknown role " + roles.get(0));
        }
        if (role == Role.SYSTEM) {
            return failure("SYSTEM is not a caller role");
        }
        String companyId = jwt.getClaimAsString(TokenClaims.COMPANY_ID);
        if (role == Role.COMPANY && companyId == null) {
            return failure("a COMPANY token must carry " + TokenClaims.COMPANY_ID);
        }
        if (companyId != null) {
            try {
                CompanyId.of(companyId);
            } catch (IllegalArgumentException malformed) {
                return failure(malformed.getMessage());
            }
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return failure("a token must name its subject");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
