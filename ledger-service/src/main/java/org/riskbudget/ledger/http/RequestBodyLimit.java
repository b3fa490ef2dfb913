package org.riskbudget.ledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.riskbudget.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: a declared length over the limit answers 413 at once, and a body streamed without a
 * length stops being read at the limit. Runs right after security, so authentication answers first (as every check
 * order demands) and an unauthenticated body is never read at all.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyLimit(@Value("${ledger.http.max-body-bytes:262144}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(Problems.PAYLOAD_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(Problems.json(Problems.bodyTooLarge(maxBytes)));
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    /** Thrown while reading a body that turns out larger than allowed; answered as 413. */
    static final class BodyTooLarge extends IOException {

        private final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super(Problems.bodyTooLargeDetail(maxBytes));
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = in.read();
                    if (next >= 0 && ++read > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = in.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - read));
                    if (count > 0 && (read += count) > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
