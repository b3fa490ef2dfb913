package org.riskbudget.platform.security;

import java.util.List;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.ids.CompanyId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * How a token becomes a caller, the same on both services: exactly one caller role in {@code roles} (granted as
 * {@code ROLE_x}), a well-formed {@code company_id} required for COMPANY, a subject. Anything else is refused as
 * unauthenticated.
 */
public final class CallerTokens {

    private CallerTokens() {}

    /** The actor a validated token stands for. */
    public static Actor actor(Jwt jwt) {
        String companyId = jwt.getClaimAsString(TokenClaims.COMPANY_ID);
        return new Actor(role(jwt), jwt.getSubject(), companyId == null ? null : CompanyId.of(companyId));
    }

    /** Maps the {@code roles} claim to Spring Security authorities. */
    public static JwtAuthenticationConverter roleConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * Refuses tokens that do not stand for exactly one caller and, when {@code requiredIssuer} is not null, tokens
     * from another issuer.
     */
    public static OAuth2TokenValidator<Jwt> validator(String requiredIssuer) {
        return jwt -> {
            try {
                if (requiredIssuer != null && !requiredIssuer.equals(jwt.getClaimAsString("iss"))) {
                    throw new IllegalArgumentException("the token is not from the trusted issuer");
                }
                Role role = role(jwt);
                String companyId = jwt.getClaimAsString(TokenClaims.COMPANY_ID);
                if (companyId != null) {
                    CompanyId.of(companyId);
                }
                if (role == Role.COMPANY && companyId == null) {
                    throw new IllegalArgumentException("a COMPANY token must carry " + TokenClaims.COMPANY_ID);
                }
                if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                    throw new IllegalArgumentException("a token must name its subject");
                }
                return OAuth2TokenValidatorResult.success();
            } catch (IllegalArgumentException invalid) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", invalid.getMessage(), null));
            }
        };
    }

    private static Role role(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || roles.size() != 1) {
            throw new IllegalArgumentException("a token must carry exactly one role");
        }
        Role role;
        try {
            role = Role.valueOf(roles.get(0));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown role " + roles.get(0));
        }
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("SYSTEM is not a caller role");
        }
        return role;
    }
}
