package org.riskbudget.projection.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the issuer ({@code iss}) every token must name, checked in addition to Boot's own checks; needed
 *               with {@code public-key-location}, where Boot checks no issuer. None when absent: then only an
 *               {@code issuer-uri} configured for Boot is checked.
 */
@ConfigurationProperties("projection.security")
record SecuritySettings(String issuer) {}
