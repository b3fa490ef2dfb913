package org.riskbudget.projection;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.riskbudget.contracts.access.TokenClaims;

/**
 * A token issuer the tests control: an RSA key made for the test run, its public half written as PEM for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, tokens signed with nimbus-jose-jwt.
 */
final class TestTokens {

    static final String ISSUER = "urn:risk-budget-ledger:test-issuer";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY.toAbsolutePath();
    }

    /** A valid token for the role, and for COMPANY the company; null companyId for other roles. */
    static String token(String role, String companyId) {
        return sign(claims(role, companyId).build(), KEYS.getPrivate());
    }

    static JWTClaimsSet.Builder claims(String role, String companyId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("test-" + role.toLowerCase() + (companyId == null ? "" : "-" + companyId))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, List.of(role));
        if (companyId != null) {
            claims.claim(TokenClaims.COMPANY_ID, companyId);
        }
        return claims;
    }

    static String sign(JWTClaimsSet claims) {
        return sign(claims, KEYS.getPrivate());
    }

    /** A well-formed token signed by a key the service does not trust. */
    static String signedByAnotherKey(String role) {
        return sign(claims(role, null).build(), OTHER_KEYS.getPrivate());
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("projection-test-issuer", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test issuer's public key", e);
        }
    }
}
