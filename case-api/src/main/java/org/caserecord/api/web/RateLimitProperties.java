package org.caserecord.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-user request limit on {@code /api/**}: a token bucket for each signed-in user.
 *
 * @param enabled           whether API requests are limited at all
 * @param requestsPerMinute the sustained rate: each bucket refills continuously at this rate
 * @param burst             the size of a bucket: how many requests a user may send at once after a pause
 */
@ConfigurationProperties("caserecord.api.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") int requestsPerMinute,
        @DefaultValue("200") int burst) {

    public RateLimitProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("caserecord.api.rate-limit.requests-per-minute must be at least 1");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("caserecord.api.rate-limit.burst must be at least 1");
        }
    }
}
