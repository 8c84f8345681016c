package org.caserecord.api.audit;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserecord.api.web.ProblemWriter;
import org.caserecord.api.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes an access log entry for every read of a case (the case file, as-of views, history,
 * entries, disclosures, exports) and of the accounting of disclosures, before the response
 * leaves: the response is held back until its entry is stored, and when the entry cannot be
 * stored the caller gets 503 instead of the case. Runs inside the security chain, after sign-in
 * and before authorization, so refused reads are logged as DENIED.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final Pattern CASE_PATH = Pattern.compile(
            "^/api/cases/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");
    private static final String DISCLOSURE_ACCOUNTING = "/api/disclosures";

    private final AccessLog accessLog;
    private final ProblemWriter problems;

    public AccessLogFilter(AccessLog accessLog, ProblemWriter problems) {
        this.accessLog = accessLog;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI();
        return !CASE_PATH.matcher(path).matches() && !DISCLOSURE_ACCOUNTING.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // answered 401 by the security chain; there is no one to log
            return;
        }
        Read read = read(request, authentication);
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } catch (AccessDeniedException denied) {
            recordQuietly(read, HttpStatus.FORBIDDEN.value());
            throw denied;
        } catch (IOException | ServletException | RuntimeException failure) {
            recordQuietly(read, HttpStatus.INTERNAL_SERVER_ERROR.value());
            throw failure;
        }
        try {
            accessLog.record(read.actor, read.roles, read.caseId, read.action, read.resource, held.getStatus(),
                    read.requestId);
        } catch (RuntimeException failure) {
            log.error("Access log entry could not be written ({}); the read is refused",
                    failure.getClass().getSimpleName());
            response.reset();
            if (read.requestId != null) {
                response.setHeader(RequestIdFilter.REQUEST_ID_HEADER, read.requestId);
            }
            response.setHeader("Retry-After", "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable",
                    "Access log unavailable",
                    "Reads of case records are answered only once they are logged, and the access log cannot be "
                            + "written right now. Retry shortly.");
            return;
        }
        held.copyBodyToResponse();
    }

    private void recordQuietly(Read read, int status) {
        try {
            accessLog.record(read.actor, read.roles, read.caseId, read.action, read.resource, status, read.requestId);
        } catch (RuntimeException failure) {
            log.error("Access log entry could not be written ({})", failure.getClass().getSimpleName());
        }
    }

    private static Read read(HttpServletRequest request, Authentication authentication) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String resource = request.getMethod() + " " + path + (query == null ? "" : "?" + query);
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5))
                .sorted()
                .toList();
        Matcher matcher = CASE_PATH.matcher(path);
        UUID caseId = null;
        String action = "READ_DISCLOSURE_ACCOUNTING";
        if (matcher.matches()) {
            caseId = UUID.fromString(matcher.group(1));
            action = action(matcher.group(2), request);
        }
        return new Read(authentication.getName(), roles, caseId, action, resource,
                MDC.get(RequestIdFilter.MDC_REQUEST_ID));
    }

    private static String action(String rest, HttpServletRequest request) {
        if (rest == null || rest.equals("/")) {
            if (request.getParameter("asOf") != null) {
                return "READ_CASE_AS_OF";
            }
            return request.getParameter("version") != null ? "READ_CASE_AT_VERSION" : "READ_CASE";
        }
        if (rest.startsWith("/history")) {
            return "READ_HISTORY";
        }
        if (rest.startsWith("/exports")) {
            return "READ_EXPORT";
        }
        if (rest.startsWith("/disclosures")) {
            return "READ_DISCLOSURES";
        }
        return "READ_CASE_ENTRY";
    }

    private record Read(String actor, List<String> roles, UUID caseId, String action, String resource,
                        String requestId) {
    }
}
