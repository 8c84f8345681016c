package org.caserecord.api.web;

import java.net.URI;
import java.util.List;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the same way everywhere. The type is a stable URN per
 * kind of problem; the request id lets support find the log lines. Details are fixed
 * texts or field names: never request values, which may be client data.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:caserecord:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        String requestId = MDC.get(RequestIdFilter.MDC_REQUEST_ID);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** Sets the request path as the problem's instance, unless it is not a valid URI reference. */
    public static ProblemDetail at(ProblemDetail problem, String path) {
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // leave the instance out rather than fail while reporting a failure
            }
        }
        return problem;
    }

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One invalid field: its JSON path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
