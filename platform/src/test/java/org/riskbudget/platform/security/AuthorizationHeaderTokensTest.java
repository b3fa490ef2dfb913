package org.riskbudget.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** Tokens are read from the Authorization header exactly as Spring Security's default resolver reads them. */
class AuthorizationHeaderTokensTest {

    private final AuthorizationHeaderTokens tokens = new AuthorizationHeaderTokens();
    private final DefaultBearerTokenResolver springSecurity = new DefaultBearerTokenResolver();

    @Property(tries = 5000)
    void resolvesWhatSpringSecuritysResolverResolvesAndRefusesWhatItRefuses(@ForAll("authorization") String header) {
        HttpServletRequest request = request(header);
        assertThat(outcome(() -> tokens.resolve(request))).isEqualTo(outcome(() -> springSecurity.resolve(request)));
    }

    @Test
    void readsTheTokenAfterTheSchemeInAnyCase() {
        assertThat(tokens.resolve(request("Bearer abc.DEF-1_~+/=="))).isEqualTo("abc.DEF-1_~+/==");
        assertThat(tokens.resolve(request("bEaReR x"))).isEqualTo("x");
    }

    @Test
    void noBearerHeaderIsNoToken() {
        assertThat(tokens.resolve(request(null))).isNull();
        assertThat(tokens.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        for (String malformed : new String[] {"Bearer", "Bearer ", "Bearer  x", "Bearer a b", "Bearer ==", "Bearer a=b",
            "Bearer x\n", "Bearerx", "Bearer ключ"}) {
            assertThatThrownBy(() -> tokens.resolve(request(malformed))).as(malformed)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, refused -> {
                        assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_token");
                        assertThat(refused.getError().getDescription()).isEqualTo("Bearer token is malformed");
                    });
        }
    }

    @Provide
    Arbitrary<String> authorization() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx",
                "Basic ", "", "bear", "Bearer\t", "ßearer ");
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09-._~+/=").ofMaxLength(30),
                Arbitraries.strings().withChars("aZ09-._~+/= \n\u00e9\u212a").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
        return Combinators.combine(scheme, token).as(String::concat).injectNull(0.02);
    }

    /** What a resolver made of a header: its token, or the error it refused it with. */
    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }

    /** A POST request with only this Authorization header: the default resolver reads nothing else from it. */
    private static HttpServletRequest request(String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) arguments[0]) ? authorization : null;
                    case "getMethod" -> "POST";
                    default -> null;
                });
    }
}
