package org.riskbudget.ledger.security;

import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.ids.CompanyId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, as unauthenticated, tokens the ledger cannot map to exactly one actor: no role or several, an unknown
 * role, a COMPANY token without a valid company, or no subject.
 */
final class LedgerTokenValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        try {
            Role role = Callers.role(jwt);
            String companyId = jwt.getClaimAsString(TokenClaims.COMPANY_ID);
            if (companyId != null) {
                CompanyId.of(companyId);
            }
            if (role == Role.COMPANY && companyId == null) {
                return failure("a COMPANY token must carry " + TokenClaims.COMPANY_ID);
            }
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                return failure("a token must name its subject");
            }
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException invalid) {
            return failure(invalid.getMessage());
        }
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
