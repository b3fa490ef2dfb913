package org.riskbudget.projection.security;

import jakarta.servlet.http.HttpServletRequest;
import org.riskbudget.platform.security.AuthorizationHeaderTokens;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a bearer token is read from: the {@code Authorization} header everywhere, and on the live stream alone also
 * the {@code access_token} query parameter (RFC 6750 §2.3).
 * <p>
 * Why the exception: a browser's {@code EventSource} cannot send headers, so a dashboard that needs a token has no
 * other standard way to open the stream. Why only there: a token in a URL can end up in proxy logs and browser
 * history, so every other endpoint keeps refusing it (a token given only in the query of another endpoint is not
 * seen, and the request is unauthenticated). The risk is kept small: the stream only ever carries what a VIEWER may
 * read, the dashboard asks for a short-lived VIEWER token, and the service sends {@code Referrer-Policy: no-referrer}
 * so the URL never leaves the page. A token in both places is refused, as RFC 6750 requires.
 */
final class StreamTokenResolver implements BearerTokenResolver {

    static final String STREAM = "/api/v1/regimes/{regimeId}/stream";

    private final RequestMatcher stream = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, STREAM);
    private final BearerTokenResolver headerOnly = new AuthorizationHeaderTokens();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    StreamTokenResolver() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        return (stream.matches(request) ? headerOrQuery : headerOnly).resolve(request);
    }
}
