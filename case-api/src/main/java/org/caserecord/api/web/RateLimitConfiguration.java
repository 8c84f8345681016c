package org.caserecord.api.web;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the per-user rate limit for {@code /api/**} only: health and the API description stay unlimited. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final String API_PATHS = "/api/*";

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ProblemWriter problems,
                                                            MeterRegistry meters,
                                                            SecurityFilterProperties securityFilter) {
        // No user tag: user ids must not become metric tags.
        Counter limited = Counter.builder("caserecord.api.rate.limited")
                .description("API requests refused with 429 because a user exceeded the rate limit")
                .register(meters);
        RateLimitFilter filter = new RateLimitFilter(new RateLimitBuckets(properties, Ticker.systemTicker()),
                properties, problems, limited);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("rateLimitFilter");
        registration.addUrlPatterns(API_PATHS);
        // A later order than Spring Security's chain runs inside it, once the user is signed in.
        registration.setOrder(securityFilter.getOrder() + 1);
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
