package org.riskbudget.projection.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer           the issuer ({@code iss}) every token must name, checked in addition to Boot's own checks;
 *                         needed with {@code public-key-location}, where Boot checks no issuer. None when absent: then
 *                         only an {@code issuer-uri} configured for Boot is checked.
 * @param anonymousViewers whether a request without a token may read what a VIEWER may (budgets, accounts, cases,
 *                         burn-down, the stream; never statements, never a rebuild). Meant for standalone mode only,
 *                         where the dashboard is a public display on one machine; off by default.
 */
@ConfigurationProperties("projection.security")
record SecuritySettings(String issuer, @DefaultValue("false") boolean anonymousViewers) {}
