package org.riskbudget.ledger.security;

import java.time.Clock;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.platform.security.AuthorizationHeaderTokens;
import org.riskbudget.platform.security.CallerTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may call what, in one table: every endpoint has an explicit rule. Authentication failures answer 401 and role
 * failures 403, both as problem+json; the regime checks roles again, and company ownership where only it knows the
 * owner.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalIssuerSettings.class)
class SecurityConfiguration {

    private static final String REGULATOR = Role.REGULATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String COMPANY = Role.COMPANY.name();
    private static final String REGIME = "/api/v1/regimes/{regimeId}";
    private static final String CASE = REGIME + "/safety-cases/{caseId}";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/api/v1/regimes").hasRole(REGULATOR)
                        .requestMatchers(HttpMethod.POST, REGIME + "/companies", REGIME + "/allocations",
                                REGIME + "/reclamations").hasRole(REGULATOR)
                        .requestMatchers(HttpMethod.PUT, REGIME + "/policy").hasRole(REGULATOR)
                        .requestMatchers(HttpMethod.POST, REGIME + "/transfers").hasRole(COMPANY)
                        .requestMatchers(HttpMethod.POST, REGIME + "/transfers/{transferId}/approval",
                                REGIME + "/transfers/{transferId}/rejection").hasRole(REGULATOR)
                        .requestMatchers(HttpMethod.POST, REGIME + "/safety-cases").hasRole(COMPANY)
                        .requestMatchers(HttpMethod.POST, CASE + "/acceptance", CASE + "/rejection",
                                CASE + "/revocation").hasRole(REGULATOR)
                        .requestMatchers(HttpMethod.POST, CASE + "/withdrawal").hasRole(COMPANY)
                        .requestMatchers(HttpMethod.POST, CASE + "/revisions").hasAnyRole(AUDITOR, REGULATOR, COMPANY)
                        .requestMatchers(HttpMethod.GET, REGIME + "/audit-log").hasAnyRole(AUDITOR, REGULATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/risk/required-likelihood-ratio").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dev/tokens").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/dev/jwks").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Unlisted paths and methods reach MVC only when authenticated, which answers 404 or 405;
                        // every endpoint above has its rule, and the regime checks roles again.
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new AuthorizationHeaderTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(CallerTokens.roleConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Picked up by Boot's decoder for an external issuer, whose issuer Boot checks itself. */
    @Bean
    OAuth2TokenValidator<Jwt> callerTokenValidator() {
        return CallerTokens.validator(null);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.local-issuer.enabled", havingValue = "true")
    LocalTokenIssuer localTokenIssuer(LocalIssuerSettings settings, Clock clock) {
        return new LocalTokenIssuer(settings, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.local-issuer.enabled", havingValue = "true")
    JwtDecoder localIssuerJwtDecoder(LocalTokenIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenClaims.LOCAL_ISSUER), CallerTokens.validator(null)));
        return decoder;
    }
}
