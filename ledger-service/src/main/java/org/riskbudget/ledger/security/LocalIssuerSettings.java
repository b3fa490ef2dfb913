package org.riskbudget.ledger.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local token issuer of standalone mode and tests. Off by default: anywhere else the ledger trusts the
 * issuer named by {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param enabled   whether this service issues development tokens and trusts them
 * @param keyFile   where the signing key is kept so tokens survive a restart; a fresh key per start when absent
 * @param tokenTtl  how long an issued token is valid
 */
@ConfigurationProperties("ledger.security.local-issuer")
record LocalIssuerSettings(boolean enabled, Path keyFile, @DefaultValue("12h") Duration tokenTtl) {}
