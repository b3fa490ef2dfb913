package org.riskbudget.platform.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** What securing a request costs, kept small on both services: it is paid on every request. */
@Configuration(proxyBeanMethods = false)
public class RequestSecurityConfiguration {

    /**
     * Without this, Spring Security makes every filter of every request, the authentication and the authorisation
     * an observation of its own: a dozen timers started and stopped per request, a sixth of a request thread's time
     * in the write benchmark. Requests are still timed once, as {@code http.server.requests}, with their status.
     */
    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall with its own rule for header names and values, every character assigned in Unicode
     * and none a control character, checked in a loop ({@link HeaderText}) instead of by a regular expression: it
     * runs over every header of every request, a bearer token of several hundred characters included.
     */
    @Bean
    static HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAllowed);
        firewall.setAllowedHeaderValues(HeaderText::isAllowed);
        return firewall;
    }

    /** Whichever decoder a service uses (its own issuer's, or Boot's for an external one) remembers its tokens. */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder) : bean;
            }
        };
    }
}
