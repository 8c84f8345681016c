package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limit over real HTTP, with a small bucket (5 requests, then one every 2 s) in its own
 * application context. That a signed-in user is limited at all shows the filter runs where Spring
 * Security has already put the user in the SecurityContext.
 */
@ApiTest
@TestPropertySource(properties = {"caserecord.api.rate-limit.requests-per-minute=30",
        "caserecord.api.rate-limit.burst=5"})
class RateLimitHttpTest {

    private static final String CASELOAD = "/api/caseloads/ada";

    private final HttpApi api;

    @Autowired
    private MeterRegistry meters;

    RateLimitHttpTest(HttpApi api) {
        this.api = api;
    }

    private double limitedSoFar() {
        return meters.get("caserecord.api.rate.limited").counter().count();
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfterWhileOthersAndHealthAreUnaffected() {
        // Warm the endpoint up with another user, so ada's burst is not stretched past a refill.
        assertThat(api.as("grace").get(CASELOAD).status()).isEqualTo(200);
        double limitedBefore = limitedSoFar();

        for (int i = 1; i <= 5; i++) {
            Response allowed = api.as("ada").get(CASELOAD);
            assertThat(allowed.status()).as("request %d: %s", i, allowed).isEqualTo(200);
        }
        Response refused = api.as("ada").get(CASELOAD);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.text("/type")).isEqualTo("urn:caserecord:problem:rate-limited");
        assertThat(refused.text("/title")).isEqualTo("Too many requests");
        assertThat(refused.number("/status")).isEqualTo(429);
        assertThat(refused.text("/requestId")).isEqualTo(refused.header(RequestIdFilter.REQUEST_ID_HEADER))
                .isNotBlank();
        assertThat(refused.text("/detail")).contains("Retry-After").doesNotContain("ada");
        assertThat(limitedSoFar() - limitedBefore).isEqualTo(1.0);

        assertThat(api.as("ben").get("/api/caseloads/ben").status()).isEqualTo(200);
        assertThat(api.as("ada").get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreAnswered401NeverRateLimited() {
        for (int i = 1; i <= 7; i++) {
            Response anonymous = api.anonymous().get(CASELOAD);
            assertThat(anonymous.status()).as("request %d: %s", i, anonymous).isEqualTo(401);
            assertThat(anonymous.text("/type")).isEqualTo("urn:caserecord:problem:unauthenticated");
        }
    }
}
