package org.riskbudget.projection.security;

import jakarta.servlet.DispatcherType;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.platform.security.CallerTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may read what, in one table. Tokens are trusted through Boot's standard settings
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, {@code issuer-uri} or
 * {@code public-key-location}); every reader role may read, statements are for the regulator, auditors and the
 * company itself, and only the regulator may rebuild. The dashboard's page, its scripts and the API documentation
 * are public: they hold no data, and the data they fetch is guarded like any other read. With
 * {@code projection.security.anonymous-viewers} (standalone mode), a caller without a token reads as a VIEWER
 * would. Failures answer 401 or 403 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final String[] READERS = {Role.VIEWER.name(), Role.REGULATOR.name(), Role.AUDITOR.name(),
        Role.COMPANY.name()};
    private static final String STATEMENT = "/api/v1/regimes/{regimeId}/companies/{" + OwnStatementOnly.COMPANY_VARIABLE
            + "}/statement";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden,
            SecuritySettings settings) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The stream may carry a token in its URL (see StreamTokenResolver): never send the URL onwards.
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(rules -> rules
                        // A stream's later dispatches belong to a request that was authorised when it began.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        // Before the reader rule: an anonymous viewer never reads a statement (OwnStatementOnly
                        // wants a token) and never rebuilds.
                        .requestMatchers(HttpMethod.GET, STATEMENT).access(new OwnStatementOnly())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/rebuild").hasRole(Role.REGULATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").access(readers(settings.anonymousViewers()))
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/dashboard/**",
                                "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Unlisted paths and methods reach MVC only when authenticated, which answers 404 or 405.
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new StreamTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(CallerTokens.roleConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Every reader role; with anonymous viewers also a caller without a token. A caller with a bad token is still
     * refused: the bearer filter answers 401 before anonymity is considered.
     */
    private static AuthorizationManager<RequestAuthorizationContext> readers(boolean anonymousViewers) {
        AuthorizationManager<RequestAuthorizationContext> roles = AuthorityAuthorizationManager.hasAnyRole(READERS);
        return anonymousViewers ? AuthorizationManagers.anyOf(roles, AuthenticatedAuthorizationManager.anonymous())
                : roles;
    }

    /** Picked up by Boot's JWT decoder, whichever of the standard settings configures it. */
    @Bean
    OAuth2TokenValidator<Jwt> projectionTokenValidator(SecuritySettings settings) {
        return CallerTokens.validator(settings.issuer());
    }
}
