package org.caserecord.api.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserecord.api.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin access for browser apps on the configured origins only. With none configured
 * (the default) no response carries CORS headers and every preflight is refused. Refusals are
 * problem+json like every other error. Answered preflights never reach sign-in: browsers send
 * them without credentials.
 */
final class ApiCorsFilter extends OncePerRequestFilter {

    static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT");
    static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "If-Match",
            "Idempotency-Key", "X-Request-Id", "X-Correlation-Id");
    static final List<String> EXPOSED_HEADERS = List.of("ETag", "Location", "X-Request-Id", "Retry-After");

    /** Null when no origin is allowed. */
    private final CorsConfiguration allowed;
    private final RefusalsAnsweredByTheFilter processor = new RefusalsAnsweredByTheFilter();
    private final ProblemWriter problems;

    ApiCorsFilter(CorsProperties properties, ProblemWriter problems) {
        this.allowed = configuration(properties.allowedOrigins());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean preflight = CorsUtils.isPreFlightRequest(request);
        if (allowed == null) {
            if (preflight) {
                refuse(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!processor.processRequest(allowed, request, response)) {
            refuse(request, response);
            return;
        }
        if (!preflight) {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "cross-origin-refused", "Cross-origin request refused",
                "This origin, method or header is not allowed to call the API from a browser.");
    }

    private static CorsConfiguration configuration(List<String> origins) {
        if (origins.isEmpty()) {
            return null;
        }
        for (String origin : origins) {
            // An API holding health records names the apps that may call it; it is never open to any site.
            if (!StringUtils.hasText(origin) || origin.contains("*")) {
                throw new IllegalStateException("caserecord.security.cors.allowed-origins lists exact origins "
                        + "such as https://app.clinic.example; wildcards and empty entries are not allowed");
            }
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(ALLOWED_METHODS);
        configuration.setAllowedHeaders(ALLOWED_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        return configuration;
    }

    /** Leaves the refusal's body to the filter, which answers with problem+json. */
    private static final class RefusalsAnsweredByTheFilter extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // answered by ApiCorsFilter.refuse
        }
    }
}
