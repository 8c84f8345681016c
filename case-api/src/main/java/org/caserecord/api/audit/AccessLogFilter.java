package org.caserecord.api.audit;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserecord.api.web.ProblemWriter;
import org.caserecord.api.web.RequestIdFilter;
import org.caserecord.domain.catalog.EventCatalog;
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
import org.springframework.web.util.UrlPathHelper;

/**
 * Writes an access log entry for every read of a case (the case file, as-of views, history,
 * entries, disclosures, exports), of the accounting of disclosures and of caseloads, before the
 * response leaves, and for every refused request to the API: the response is held back until its entries are stored, and when they cannot
 * be stored the caller gets 503 instead. Runs inside the security chain, after sign-in and
 * before authorization, so refused reads are logged as DENIED. Paths are matched decoded, as
 * Spring MVC matches them, and every GET under {@code /api/cases/} is logged (fail closed), with
 * the case id read the way the controllers read it. A list that shows several cases names them
 * through the {@link #CASES_READ} request attribute: one entry per case.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    /** Request attribute: set when authorization refused the request (answered 403, or 404 to hide a case). */
    public static final String DENIED = AccessLogFilter.class.getName() + ".denied";

    /** Request attribute: the ids ({@code Collection<UUID>}) of the cases a list response shows. */
    public static final String CASES_READ = AccessLogFilter.class.getName() + ".casesRead";

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final String CASES = "/api/cases/";
    private static final String DISCLOSURE_ACCOUNTING = "/api/disclosures";
    private static final String CASELOADS = "/api/caseloads";
    private static final String INSURANCE = "/api/insurance";
    private static final String RETENTION = "/api/retention";
    /**
     * Query values kept in the log: numbers, dates, instants, ids and the API's own words. Anything
     * else a caller typed (which could be a name) is logged as "…".
     */
    private static final Pattern STRUCTURED_VALUE = Pattern.compile(
            "[0-9][0-9:.+TZ-]{0,39}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern STRUCTURED_NAME = Pattern.compile("[A-Za-z]{1,20}");
    private static final Set<String> API_WORDS = Set.of("recorded", "occurred", "openedOn", "nextDue", "true",
            "false", "LOW", "MODERATE", "HIGH", "IMMINENT", "UNBILLED", "BILLED", "ALL");

    private final AccessLog accessLog;
    private final ProblemWriter problems;

    public AccessLogFilter(AccessLog accessLog, ProblemWriter problems) {
        this.accessLog = accessLog;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATHS.getPathWithinApplication(request).startsWith("/api/");
    }

    /**
     * Reads whose every answer is logged (and held until it is): cases, caseloads, the accounting,
     * insurance summaries and the retention register.
     */
    private static boolean loggedRead(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return isRead(request) && (path.startsWith(CASES) || isList(path, DISCLOSURE_ACCOUNTING)
                || isList(path, CASELOADS) || isList(path, INSURANCE) || isList(path, RETENTION));
    }

    private static boolean isList(String path, String list) {
        return path.equals(list) || path.startsWith(list + "/");
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
        if (!loggedRead(request)) {
            // Anything else (writes, audit and admin endpoints) is logged when it is refused: a denied
            // attempt is evidence too.
            try {
                chain.doFilter(request, response);
            } catch (AccessDeniedException denied) {
                recordQuietly(read, List.of(), HttpStatus.FORBIDDEN.value(), true);
                throw denied;
            }
            if (request.getAttribute(DENIED) != null || response.getStatus() == HttpStatus.FORBIDDEN.value()) {
                recordQuietly(read, List.of(), response.getStatus(), true);
            }
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } catch (AccessDeniedException denied) {
            recordQuietly(read, List.of(), HttpStatus.FORBIDDEN.value(), true);
            throw denied;
        } catch (IOException | ServletException | RuntimeException failure) {
            recordQuietly(read, List.of(), HttpStatus.INTERNAL_SERVER_ERROR.value(), false);
            throw failure;
        }
        try {
            accessLog.record(read.actor, read.roles, cases(read, request), read.action, read.resource,
                    held.getStatus(), request.getAttribute(DENIED) != null, read.requestId);
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

    private static List<UUID> cases(Read read, HttpServletRequest request) {
        if (read.caseId != null) {
            return List.of(read.caseId);
        }
        if (request.getAttribute(CASES_READ) instanceof Collection<?> shown) {
            return shown.stream().filter(UUID.class::isInstance).map(UUID.class::cast).distinct().toList();
        }
        return List.of();
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private void recordQuietly(Read read, List<UUID> cases, int status, boolean denied) {
        try {
            accessLog.record(read.actor, read.roles, read.caseId != null ? List.of(read.caseId) : cases, read.action,
                    read.resource, status, denied, read.requestId);
        } catch (RuntimeException failure) {
            log.error("Access log entry could not be written ({})", failure.getClass().getSimpleName());
        }
    }

    private static Read read(HttpServletRequest request, Authentication authentication) {
        String path = PATHS.getPathWithinApplication(request);
        String resource = request.getMethod() + " " + path + loggedQuery(request);
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5))
                .sorted()
                .toList();
        UUID caseId = null;
        String action;
        if (!loggedRead(request)) {
            String rest = path.startsWith(CASES) ? path.substring(CASES.length()) : "";
            int slash = rest.indexOf('/');
            caseId = path.startsWith(CASES) ? caseId(slash < 0 ? rest : rest.substring(0, slash)) : null;
            action = isRead(request) ? "READ" : "WRITE";
        } else if (path.startsWith(CASES)) {
            String rest = path.substring(CASES.length());
            int slash = rest.indexOf('/');
            caseId = caseId(slash < 0 ? rest : rest.substring(0, slash));
            action = action(slash < 0 ? "" : rest.substring(slash), request);
        } else if (isList(path, DISCLOSURE_ACCOUNTING)) {
            action = "READ_DISCLOSURE_ACCOUNTING";
        } else if (isList(path, INSURANCE)) {
            action = "READ_INSURANCE_SUMMARY";
        } else if (isList(path, RETENTION)) {
            action = "READ_RETENTION_REGISTER";
        } else {
            action = "READ_CASELOAD";
        }
        return new Read(authentication.getName(), roles, caseId, action, resource,
                MDC.get(RequestIdFilter.MDC_REQUEST_ID));
    }

    /** The case id as Spring's UUID conversion reads a path variable; null when it is none. */
    private static UUID caseId(String segment) {
        try {
            return UUID.fromString(segment.trim());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String loggedQuery(HttpServletRequest request) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        request.getParameterMap().forEach((name, values) -> {
            String loggedName = STRUCTURED_NAME.matcher(name).matches() ? name : "…";
            for (String value : values) {
                query.add(loggedName + "=" + (structured(value) ? value : "…"));
            }
        });
        return query.toString();
    }

    private static boolean structured(String value) {
        return STRUCTURED_VALUE.matcher(value).matches() || API_WORDS.contains(value)
                || EventCatalog.byName(value).isPresent();
    }

    private static String action(String rest, HttpServletRequest request) {
        if (rest.isEmpty() || rest.equals("/")) {
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
        if (rest.startsWith("/legal-holds")) {
            return "READ_LEGAL_HOLDS";
        }
        if (rest.startsWith("/disposal-certificate")) {
            return "READ_DISPOSAL_CERTIFICATE";
        }
        return "READ_CASE_ENTRY";
    }

    private record Read(String actor, List<String> roles, UUID caseId, String action, String resource,
                        String requestId) {
    }
}
