package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter and its registration, without a server: the HTTP behaviour is in RateLimitHttpTest. */
class RateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter limited = meters.counter("caserecord.api.rate.limited");
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger passedOn = new AtomicInteger();
    private final FilterChain chain = (request, response) -> passedOn.incrementAndGet();
    private final RateLimitProperties properties = new RateLimitProperties(true, 60, 2);
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitBuckets(properties, nanos::get),
            properties, new ProblemWriter(JsonMapper.builder().build()), limited);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse get() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/caseloads/ada");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("ROLE_CASE_MANAGER")));
    }

    @Test
    void aSignedInUserOverTheLimitGets429ProblemWithRetryAfterAndIsCounted() throws Exception {
        signIn("ada");
        get();
        get();

        MockHttpServletResponse refused = get();

        assertThat(passedOn).hasValue(2);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(refused.getContentAsString());
        assertThat(problem.at("/type").asString()).isEqualTo("urn:caserecord:problem:rate-limited");
        assertThat(problem.at("/title").asString()).isEqualTo("Too many requests");
        assertThat(problem.at("/status").asInt()).isEqualTo(429);
        assertThat(problem.at("/detail").asString()).contains("60 a minute").doesNotContain("ada");
        assertThat(limited.count()).isEqualTo(1.0);
        assertThat(meters.find("caserecord.api.rate.limited").counter().getId().getTags()).isEmpty();
    }

    @Test
    void requestsWithoutASignedInUserAreNeverLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get().getStatus()).isEqualTo(200);
        }
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (int i = 0; i < 5; i++) {
            assertThat(get().getStatus()).isEqualTo(200);
        }

        assertThat(passedOn).hasValue(10);
        assertThat(limited.count()).isZero();
    }

    @Test
    void theFilterCoversOnlyTheApiAndRunsInsideTheSecurityChain() {
        FilterRegistrationBean<RateLimitFilter> registration = new RateLimitConfiguration()
                .rateLimitFilter(properties, new ProblemWriter(JsonMapper.builder().build()), meters,
                        new SecurityFilterProperties());

        assertThat(registration.getUrlPatterns()).containsExactly("/api/*");
        assertThat(registration.getOrder()).isGreaterThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        assertThat(registration.isEnabled()).isTrue();
    }

    @Test
    void aDisabledLimitIsNotRegistered() {
        FilterRegistrationBean<RateLimitFilter> registration = new RateLimitConfiguration()
                .rateLimitFilter(new RateLimitProperties(false, 60, 2), new ProblemWriter(JsonMapper.builder().build()),
                        meters, new SecurityFilterProperties());

        assertThat(registration.isEnabled()).isFalse();
    }
}
