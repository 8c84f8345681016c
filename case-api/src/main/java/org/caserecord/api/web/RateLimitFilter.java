package org.caserecord.api.web;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserecord.api.web.RateLimitBuckets.Admission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with Retry-After once a signed-in user has used up their bucket. Runs after
 * Spring Security's filter chain ({@link RateLimitConfiguration}), so the user is known; requests
 * without one pass untouched (on {@code /api/**} security has answered those 401 already).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitBuckets buckets;
    private final ProblemWriter problems;
    private final Counter limited;
    private final String detail;

    RateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties, ProblemWriter problems,
                    Counter limited) {
        this.buckets = buckets;
        this.problems = problems;
        this.limited = limited;
        this.detail = "This account sent more requests than the limit of " + properties.requestsPerMinute()
                + " a minute (bursts of up to " + properties.burst() + "). Retry after the number of seconds in the"
                + " Retry-After header.";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Admission admission = buckets.take(authentication.getName());
        if (admission.granted()) {
            chain.doFilter(request, response);
            return;
        }
        limited.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
    }
}
