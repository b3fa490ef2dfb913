package org.riskbudget.ledger.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.api.DevTokenResponse;
import org.riskbudget.contracts.ids.CompanyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A token issuer for a machine with nothing but a JDK: it signs tokens with an RSA key of its own, kept in a file
 * so tokens outlive a restart, and publishes the public half as a JWK set for the projection service.
 */
public final class LocalTokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(LocalTokenIssuer.class);

    private final RSAKey key;
    private final JwtEncoder encoder;
    private final LocalIssuerSettings settings;
    private final Clock clock;

    LocalTokenIssuer(LocalIssuerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.key = settings.keyFile() == null ? generate() : loadOrCreate(settings.keyFile());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    public DevTokenResponse issue(Role role, CompanyId companyId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.LOCAL_ISSUER)
                .subject(subject(role, companyId))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, List.of(role.name()));
        if (companyId != null) {
            claims.claim(TokenClaims.COMPANY_ID, companyId.value());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new DevTokenResponse(token, expiresAt);
    }

    public Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("the issuer's own key is not an RSA key", e);
        }
    }

    private static String subject(Role role, CompanyId companyId) {
        return "dev-" + role.name().toLowerCase() + (companyId == null ? "" : "-" + companyId.value());
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, key.toJSONString());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            log.info("Generated the local token issuer's signing key in {}", keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the local issuer key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the local issuer key in " + keyFile + " is not a JWK", e);
        }
    }
}
