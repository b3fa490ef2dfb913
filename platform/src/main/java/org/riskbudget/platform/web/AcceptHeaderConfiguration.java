package org.riskbudget.platform.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An Accept header that cannot be read is disregarded, as RFC 9110 allows, rather than taken as a demand nothing
 * can meet: Spring MVC then drops the body of an error answer, and the client gets a bare 400 instead of the
 * problem+json that names its mistake. Unreadable means not a media type ({@code Accept: garbage}), or holding
 * characters the security firewall refuses when the header is first read, which is here.
 */
@Configuration(proxyBeanMethods = false)
public class AcceptHeaderConfiguration implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new LenientAcceptHeader()));
    }

    static final class LenientAcceptHeader extends HeaderContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            try {
                return super.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException | RequestRejectedException unreadable) {
                return MEDIA_TYPE_ALL_LIST;
            }
        }
    }
}
