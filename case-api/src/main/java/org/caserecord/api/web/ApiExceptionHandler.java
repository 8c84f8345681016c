package org.caserecord.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.projections.caseload.InvalidCursorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become HTTP answers: every error is an RFC 9457 problem
 * ({@code application/problem+json}). Nothing from the request body is echoed back and no
 * stack trace leaves the service.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CaseCommandRejected.class)
    ResponseEntity<Object> rejected(CaseCommandRejected exception, WebRequest request) {
        CaseRejection rejection = exception.rejection();
        HttpStatus status = switch (rejection.code().kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE_VIOLATION -> HttpStatus.CONFLICT;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
        };
        String slug = rejection.code().name().toLowerCase().replace('_', '-');
        ProblemDetail problem = Problems.of(status, slug, title(rejection), rejection.code().description());
        problem.setProperty("code", rejection.code().name());
        if (rejection.field() != null && status == HttpStatus.BAD_REQUEST) {
            Problems.withFieldErrors(problem,
                    List.of(new Problems.FieldError(rejection.field(), rejection.code().description())));
        }
        return problem(problem, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownCase(AggregateNotFoundException exception, WebRequest request) {
        return apiException(ApiException.caseNotFound(), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException exception, WebRequest request) {
        return problem(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                "The case has changed since the version you expected. Read it again and retry."), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException exception, WebRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "The case was being changed by another request at the same time. Retry."), request);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> apiException(ApiException exception, WebRequest request) {
        return problem(Problems.of(exception.status(), exception.slug(), exception.title(), exception.getMessage()),
                request);
    }

    @ExceptionHandler(FieldRejected.class)
    ResponseEntity<Object> fieldRejected(FieldRejected exception, WebRequest request) {
        return problem(fieldProblem(exception.getMessage(), exception.field(),
                "The request has invalid fields; see errors."), request);
    }

    @ExceptionHandler(InvalidCursorException.class)
    ResponseEntity<Object> invalidCursor(InvalidCursorException exception, WebRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                exception.getMessage()), request);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<Object> databaseUnavailable(Exception exception, WebRequest request) {
        log.error("Database unavailable: {}", SafeLog.describe(exception));
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", "The database is not reachable right now. Retry shortly.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /**
     * Everything not handled above: a database that cannot be reached (however wrapped) is 503,
     * anything else a fault of ours (500).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        if (DatabaseUnavailable.matches(exception)) {
            return databaseUnavailable(exception, request);
        }
        log.error("Unexpected failure: {}", SafeLog.describe(exception));
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed unexpectedly. Quote the requestId when you report it."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(Problems.FieldError::field))
                .toList();
        ProblemDetail problem = Problems.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "Invalid request", "The request has invalid fields; see errors."), errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        ProblemDetail problem = Problems.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "Invalid request", "The request has invalid parameters; see errors."), errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path or query parameter of the wrong type; the value is not repeated back. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName();
        ProblemDetail problem = Problems.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation",
                        "Invalid request", "A parameter has a value of the wrong type; see errors."),
                List.of(new Problems.FieldError(name, "Must be " + describe(exception.getRequiredType()) + ".")));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (hasCause(exception, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            return handleExceptionInternal(exception, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Request body too large", "The request body exceeds the size limit."), headers,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = unreadableBody(exception);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Says which field could not be read and why, without repeating the value that was sent. */
    private static ProblemDetail unreadableBody(HttpMessageNotReadableException exception) {
        Throwable cause = firstJacksonException(exception);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem("Unknown field.", path(unknown), "The request has a field this endpoint does not accept.");
        }
        if (cause instanceof DateRangeModule.OutOfRange outOfRange) {
            return fieldProblem("Must lie between the years 1900 and 9999.", path(outOfRange),
                    "A field has a value of the wrong format; see errors.");
        }
        if (cause instanceof InvalidFormatException invalid) {
            String message = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "Must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + "."
                    : "Has the wrong format for " + describe(invalid.getTargetType()) + ".";
            return fieldProblem(message, path(invalid), "A field has a value of the wrong format; see errors.");
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return fieldProblem("Has the wrong type for " + describe(mismatched.getTargetType()) + ".",
                    path(mismatched), "A field has a value of the wrong type; see errors.");
        }
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)
                && !jackson.getPath().isEmpty()) {
            return fieldProblem("Has a value that cannot be read.", path(jackson),
                    "A field has a value that cannot be read; see errors.");
        }
        if (cause instanceof MismatchedInputException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The request body must be a JSON object with the fields this endpoint documents.");
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate")) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The request body names a field more than once.");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is missing or is not well-formed JSON.");
    }

    private static Throwable firstJacksonException(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return exception;
    }

    private static ProblemDetail fieldProblem(String message, String field, String detail) {
        return Problems.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail),
                List.of(new Problems.FieldError(field, message)));
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "this field";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "a timestamp (ISO-8601, e.g. 2026-03-10T15:00:00Z)";
            case "LocalDate" -> "a date (ISO-8601, e.g. 2026-03-10)";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            default -> type.isAssignableFrom(List.class) ? "a list" : "an object";
        };
    }

    private static boolean hasCause(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(new RuntimeException(problem.getTitle()), problem, new HttpHeaders(),
                HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /**
     * Every problem leaves with the problem+json type, the request path as instance, the
     * request id, and a stable type URN even for Spring's own errors (405, 406, 415…).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : Problems.of(statusCode, "http-" + statusCode.value(), HttpStatus.valueOf(statusCode.value())
                .getReasonPhrase(), null);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            ProblemDetail typed = Problems.of(statusCode, "http-" + statusCode.value(),
                    problem.getTitle() != null ? problem.getTitle()
                            : HttpStatus.valueOf(statusCode.value()).getReasonPhrase(),
                    problem.getDetail());
            if (problem.getProperties() != null) {
                problem.getProperties().forEach(typed::setProperty);
            }
            problem = typed;
        }
        if (request instanceof ServletWebRequest servletRequest) {
            Problems.at(problem, servletRequest.getRequest().getRequestURI());
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(responseHeaders).body(problem);
    }

    private static String title(CaseRejection rejection) {
        return switch (rejection.code().kind()) {
            case INVALID_INPUT -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case RULE_VIOLATION -> "Not allowed in the case's current state";
            case STALE_VERSION -> "Version mismatch";
        };
    }
}
