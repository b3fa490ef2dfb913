package org.riskbudget.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens a decoder accepted, each until its expiry. A client sends the same bearer token with every
 * request, and verifying its RS256 signature and converting its claims again was a fifth of a request thread's time
 * in the write benchmark. Only accepted tokens are remembered, so a refused one is checked, and refused, every time;
 * a remembered one is answered until its {@code exp} and never after (the decoder itself allows a minute of clock
 * skew). Its other checks depend only on the token, so they would pass again. A token whose signing key is later
 * withdrawn from the issuer's key set stays accepted until it expires, as it would by a service that had already
 * verified it.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    /** Distinct tokens remembered at most; beyond that the least used are verified again when next seen. */
    static final int MAX_TOKENS = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public VerifiedTokenCache(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokenCache(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(MAX_TOKENS).ticker(ticker)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt))).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt remembered = accepted.getIfPresent(token);
        if (remembered != null) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        if (!lifetime(jwt).isZero()) {
            accepted.put(token, jwt);
        }
        return jwt;
    }

    /** How long from now the token may be answered from memory: until its expiry, none without one. */
    private Duration lifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Instant now = clock.instant();
        return expiresAt == null || !expiresAt.isAfter(now) ? Duration.ZERO : Duration.between(now, expiresAt);
    }
}
