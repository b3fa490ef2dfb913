package org.riskbudget.projection.security;

import jakarta.servlet.DispatcherType;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.platform.security.CallerTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may read what, in one table. Tokens are trusted through Boot's standard settings
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, {@code issuer-uri} or
 * {@code public-key-location}); every reader role may read, statements are for the regulator, auditors and the
 * company itself, and only the regulator may rebuild. Failures answer 401 or 403 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final String[] READERS = {Role.VIEWER.name(), Role.REGULATOR.name(), Role.AUDITOR.name(),
        Role.COMPANY.name()};
    private static final String STATEMENT = "/api/v1/regimes/{regimeId}/companies/{" + OwnStatementOnly.COMPANY_VARIABLE
            + "}/statement";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules
                        // A stream's later dispatches belong to a request that was authorised when it began.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, STATEMENT).access(new OwnStatementOnly())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/rebuild").hasRole(Role.REGULATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Unlisted paths and methods reach MVC only when authenticated, which answers 404 or 405.
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(CallerTokens.roleConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Picked up by Boot's JWT decoder, whichever of the standard settings configures it. */
    @Bean
    OAuth2TokenValidator<Jwt> projectionTokenValidator(SecuritySettings settings) {
        return CallerTokens.validator(settings.issuer());
    }
}
