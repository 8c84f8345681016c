package org.caserecord.api.access;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.cases.CaseReader;
import org.caserecord.api.security.Role;
import org.caserecord.api.web.ApiException;
import org.caserecord.projections.casefile.CaseFileQueries;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may do what to which case, decided on the server before any handler runs (the matrix is
 * in the README). A case manager reaches only the cases assigned to them, or one opened to them
 * by break-glass for reading; any other case answers 404 exactly as if it did not exist. A role
 * that may not perform an action at all gets 403. Every refusal is marked for the access log.
 */
@Component
public class CaseAuthorization implements HandlerInterceptor {

    private static final String CASE = "/api/cases/{caseId}";
    private static final String CASELOADS = "/api/caseloads";
    private static final String COVERAGE = "/coverage";
    private static final String BILLABLE_SERVICES = "/billable-services";
    private static final String REIMBURSEMENT = "/reimbursement-requests";

    private final CaseReader reader;
    private final CaseFileQueries caseFiles;
    private final Clock clock;

    CaseAuthorization(CaseReader reader, CaseFileQueries caseFiles, Clock clock) {
        this.reader = reader;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (authentication == null || pattern == null) {
            return true;
        }
        Set<Role> roles = roles(authentication);
        String user = authentication.getName();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pattern.equals("/api/cases")) {
            require(request, roles.contains(Role.CASE_MANAGER) || roles.contains(Role.SUPERVISOR));
        } else if (pattern.startsWith(CASE)) {
            UUID caseId = uuid(variables == null ? null : variables.get("caseId"));
            if (caseId != null) {
                authorizeCase(request, roles, user, read, caseId, pattern.substring(CASE.length()));
            }
        } else if (pattern.startsWith(CASELOADS)) {
            authorizeCaseloads(request, roles, user, variables == null ? null : variables.get("caseManagerId"));
        }
        return true;
    }

    private void authorizeCase(HttpServletRequest request, Set<Role> roles, String user, boolean read, UUID caseId,
                               String rest) {
        if (read) {
            if (roles.contains(Role.SUPERVISOR) || roles.contains(Role.AUDITOR)
                    || roles.contains(Role.RECORDS_OFFICER)) {
                return;
            }
            if (rest.startsWith("/legal-holds") || rest.equals("/disposal-certificate")) {
                // Legal matters and disposals are records management, not care.
                require(request, false);
            }
            if (roles.contains(Role.CASE_MANAGER)) {
                String manager = reader.awaitProjected(caseId).caseManagerId();
                if (user.equals(manager) || caseFiles.hasEmergencyAccess(caseId, user, clock.instant())) {
                    return;
                }
                throw hidden(request);
            }
            // Billing reads the case's billing view and its coverage only: never history, past
            // versions or entries.
            require(request, roles.contains(Role.BILLING) && (rest.startsWith(COVERAGE)
                    || rest.startsWith(BILLABLE_SERVICES) || rest.startsWith(REIMBURSEMENT) || rest.isEmpty()
                    && request.getParameter("asOf") == null && request.getParameter("version") == null));
            return;
        }
        if ((rest.startsWith(COVERAGE) || rest.startsWith(REIMBURSEMENT))
                && (roles.contains(Role.BILLING) || roles.contains(Role.SUPERVISOR))) {
            return;
        }
        if (rest.startsWith(REIMBURSEMENT)) {
            // Claims are billing's work (and a supervisor's); case managers record the care they bill.
            require(request, false);
        }
        if (rest.startsWith("/legal-holds") || rest.equals("/disposal")) {
            // Records management is the records officer's alone.
            require(request, roles.contains(Role.RECORDS_OFFICER));
            return;
        }
        if (rest.equals("/emergency-access")) {
            require(request, roles.contains(Role.CASE_MANAGER));
            return;
        }
        if (rest.startsWith("/disclosures") || rest.startsWith("/exports")) {
            if (roles.contains(Role.RECORDS_OFFICER)) {
                return;
            }
        } else if (rest.equals("/reassignment")) {
            require(request, roles.contains(Role.SUPERVISOR));
            return;
        } else if (roles.contains(Role.SUPERVISOR)) {
            return;
        }
        require(request, roles.contains(Role.CASE_MANAGER));
        if (!user.equals(reader.assignment(caseId).caseManagerId())) {
            throw hidden(request);
        }
    }

    private void authorizeCaseloads(HttpServletRequest request, Set<Role> roles, String user, String manager) {
        if (roles.contains(Role.SUPERVISOR) || roles.contains(Role.AUDITOR)) {
            return;
        }
        require(request, roles.contains(Role.CASE_MANAGER) && manager != null);
        if (!user.equals(manager)) {
            // Another manager's caseload is as invisible as their cases.
            denied(request);
            throw new ApiException(HttpStatus.NOT_FOUND, "caseload-not-found", "Caseload not found",
                    "No caseload with this id exists.");
        }
    }

    private static void require(HttpServletRequest request, boolean allowed) {
        if (!allowed) {
            denied(request);
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your role does not allow this request.");
        }
    }

    private static ApiException hidden(HttpServletRequest request) {
        denied(request);
        return ApiException.caseNotFound();
    }

    private static void denied(HttpServletRequest request) {
        request.setAttribute(AccessLogFilter.DENIED, Boolean.TRUE);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException notAUuid) {
            return null; // the handler answers 400
        }
    }

    static Set<Role> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5))
                .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .collect(Collectors.toSet());
    }
}
