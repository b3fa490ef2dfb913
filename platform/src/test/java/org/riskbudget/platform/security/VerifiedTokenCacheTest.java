package org.riskbudget.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Only accepted tokens are remembered, and none past its expiry. */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };
    private final List<String> verified = new ArrayList<>();

    @Test
    void anAcceptedTokenIsVerifiedOnceUntilItExpires() {
        VerifiedTokenCache cache = cache(token -> jwt(token, START.plus(Duration.ofMinutes(5))));

        Jwt first = cache.decode("a");
        Jwt again = cache.decode("a");
        advance(Duration.ofMinutes(5));
        cache.decode("a");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void eachTokenIsRememberedForItself() {
        VerifiedTokenCache cache = cache(token -> jwt(token, START.plus(Duration.ofMinutes(5))));

        assertThat(cache.decode("a").getTokenValue()).isEqualTo("a");
        assertThat(cache.decode("b").getTokenValue()).isEqualTo("b");
        assertThat(verified).containsExactly("a", "b");
    }

    @Test
    void aRefusedTokenIsVerifiedAndRefusedEveryTime() {
        VerifiedTokenCache cache = cache(token -> {
            throw new BadJwtException("forged");
        });

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aTokenAcceptedOnlyWithinTheClockSkewOrWithoutExpiryIsNotRemembered() {
        VerifiedTokenCache cache = cache(token -> jwt(token, token.equals("skewed") ? START.minusSeconds(30) : null));

        cache.decode("skewed");
        cache.decode("skewed");
        cache.decode("endless");
        cache.decode("endless");

        assertThat(verified).containsExactly("skewed", "skewed", "endless", "endless");
    }

    private VerifiedTokenCache cache(JwtDecoder decoder) {
        return new VerifiedTokenCache(token -> {
            verified.add(token);
            return decoder.decode(token);
        }, clock, () -> Duration.between(START, now).toNanos());
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(START.minus(Duration.ofMinutes(10)));
        return expiresAt == null ? jwt.build() : jwt.expiresAt(expiresAt).build();
    }
}
