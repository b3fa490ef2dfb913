package org.riskbudget.bench.reliability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.riskbudget.contracts.access.TokenClaims;

/**
 * Tokens a hostile caller can make: signed with a key of its own, or with the real issuer's key (read from the
 * stack's key file, as a leaked key would be) but expired, not yet valid, from another issuer, or claiming what no
 * caller may. Every one of them must be refused with 401 by both services.
 */
final class ForgedTokens {

    private final RSAKey issuerKey;
    private final RSAKey attackerKey;

    ForgedTokens(Path issuerKeyFile) {
        try {
            issuerKey = RSAKey.parse(Files.readString(issuerKeyFile));
            attackerKey = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read or make signing keys", e);
        }
    }

    /** A token as the local issuer would issue it: valid for an hour. */
    String valid(String role, String companyId) {
        return sign(issuerKey, claims(role, companyId).build());
    }

    /** Authorization header values that must all answer 401, by name; null means no header at all. */
    Map<String, String> unauthenticated() {
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("no Authorization header", null);
        headers.put("empty Authorization", "");
        headers.put("Bearer without a token", "Bearer ");
        headers.put("garbage bearer token", "Bearer not.a.jwt");
        headers.put("random base64 bearer token", "Bearer " + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        headers.put("Basic credentials", "Basic " + Base64.getEncoder().encodeToString(
                "regulator:regulator".getBytes(StandardCharsets.UTF_8)));
        headers.put("signed by another key with the issuer's key id", bearer(sign(attackerKey,
                claims("REGULATOR", null).build())));
        headers.put("expired an hour ago", bearer(sign(issuerKey, claims("REGULATOR", null)
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build())));
        headers.put("not valid for another hour", bearer(sign(issuerKey, claims("REGULATOR", null)
                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build())));
        headers.put("from another issuer", bearer(sign(issuerKey, claims("REGULATOR", null)
                .issuer("https://attacker.example").build())));
        headers.put("unsigned (alg none)", bearer(new PlainJWT(claims("REGULATOR", null).build()).serialize()));
        headers.put("HMAC-signed", bearer(hmac(claims("REGULATOR", null).build())));
        headers.put("role SYSTEM", bearer(sign(issuerKey, claims("SYSTEM", null).build())));
        headers.put("two roles", bearer(sign(issuerKey, claims("REGULATOR", null)
                .claim(TokenClaims.ROLES, List.of("REGULATOR", "AUDITOR")).build())));
        headers.put("no roles", bearer(sign(issuerKey, claims("REGULATOR", null).claim(TokenClaims.ROLES, null)
                .build())));
        headers.put("unknown role", bearer(sign(issuerKey, claims("ROOT", null).build())));
        headers.put("COMPANY without company_id", bearer(sign(issuerKey, claims("COMPANY", null).build())));
        headers.put("malformed company_id", bearer(sign(issuerKey, claims("COMPANY", "../etc/passwd").build())));
        headers.put("no subject", bearer(sign(issuerKey, claims("REGULATOR", null).subject(null).build())));
        headers.put("blank subject", bearer(sign(issuerKey, claims("REGULATOR", null).subject(" ").build())));
        String valid = valid("REGULATOR", null);
        headers.put("signature cut short", bearer(valid.substring(0, valid.length() - 4)));
        String[] parts = valid.split("\\.");
        String auditorPayload = sign(issuerKey, claims("AUDITOR", null).build()).split("\\.")[1];
        headers.put("payload swapped under another token's signature",
                bearer(parts[0] + "." + auditorPayload + "." + parts[2]));
        return headers;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet.Builder claims(String role, String companyId) {
        Instant now = Instant.now();
        List<String> roles = new ArrayList<>(List.of(role));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TokenClaims.LOCAL_ISSUER)
                .subject("hostile-" + role.toLowerCase())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, roles);
        if (companyId != null) {
            claims.claim(TokenClaims.COMPANY_ID, companyId);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
            jwt.sign(new MACSigner("a shared secret nobody agreed on, 32+ bytes".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
